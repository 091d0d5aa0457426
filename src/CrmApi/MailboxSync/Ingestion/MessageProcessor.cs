using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>What became of an inbox row: finished (with why), or to be tried again later.</summary>
public sealed record ProcessResult(bool Done, string Reason, DateTimeOffset? RetryAt = null, bool RefundAttempt = false);

/// <summary>One inbox row: the message fetched with one Graph GET (within the mailbox's gate), then the logging step.</summary>
public sealed class MessageProcessor(MailboxStore mailboxes, IGraphMailFactory graph, IMessageHandler handler, MailboxGates gates, TimeProvider clock)
{
    /// <summary>A further Graph read for the same message, within the mailbox's concurrency and Retry-After gate.</summary>
    private async Task<T> GatedAsync<T>(Guid mailboxId, Func<Task<T>> read, CancellationToken ct)
    {
        using (await gates.EnterAsync(mailboxId, ct))
        {
            if (gates.ThrottledUntil(mailboxId, clock.GetUtcNow()) is { } wait)
            {
                throw new GraphThrottledException(wait - clock.GetUtcNow(), StatusCodes.Status429TooManyRequests);
            }
            return await read();
        }
    }

    public async Task<ProcessResult> ProcessAsync(InboxRow row, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetForWorkerAsync(row.MailboxId, ct);
        if (mailbox is null)
        {
            return new ProcessResult(true, "mailbox disconnected");
        }
        if (gates.ThrottledUntil(mailbox.Id, clock.GetUtcNow()) is { } until)
        {
            return new ProcessResult(false, "waiting for Graph's Retry-After", until, RefundAttempt: true);
        }
        var client = graph.ForTenant(mailbox.TenantId);
        try
        {
            FetchedMessage? message;
            using (await gates.EnterAsync(mailbox.Id, ct))
            {
                // Another row may have been told to wait while this one queued for a slot.
                if (gates.ThrottledUntil(mailbox.Id, clock.GetUtcNow()) is { } wait)
                {
                    return new ProcessResult(false, "waiting for Graph's Retry-After", wait, RefundAttempt: true);
                }
                message = await client.GetMessageAsync(mailbox.GraphKey, row.MessageId, ct);
            }
            if (message is null)
            {
                return new ProcessResult(true, "gone: deleted or moved before it was read");
            }
            var reads = new MessageReads(
                token => GatedAsync(mailbox.Id, () => client.GetMimeHeadersAsync(mailbox.GraphKey, row.MessageId, token), token),
                token => GatedAsync(mailbox.Id, () => client.GetAttachmentsAsync(mailbox.GraphKey, row.MessageId, token), token));
            var outcome = await handler.HandleAsync(mailbox, row.Folder, message, row.Attempts, reads, ct);
            return outcome.AskAgainIn is { } askAgainIn
                ? new ProcessResult(false, outcome.Reason, clock.GetUtcNow() + askAgainIn, RefundAttempt: false)
                : new ProcessResult(true, outcome.Reason);
        }
        catch (GraphThrottledException throttled)
        {
            var retryAt = clock.GetUtcNow() + throttled.RetryAfter;
            gates.Throttle(mailbox.Id, retryAt);
            return new ProcessResult(false, "throttled by Graph", retryAt, RefundAttempt: true);
        }
    }
}
