using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Throttling;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>What became of an inbox row: finished (with why), or to be tried again later.</summary>
public sealed record ProcessResult(bool Done, string Reason, DateTimeOffset? RetryAt = null, bool RefundAttempt = false);

/// <summary>One inbox row: the message fetched with one Graph GET (within the mailbox's gate), then the logging step.</summary>
public sealed class MessageProcessor(MailboxStore mailboxes, IGraphMailFactory graph, IMessageHandler handler, MailboxGates gates, TimeProvider clock)
{
    /// <summary>A further Graph read for the same message, within the mailbox's gate (slots, budget, Retry-After).</summary>
    private async Task<T> GatedAsync<T>(Guid mailboxId, Func<Task<T>> read, CancellationToken ct)
    {
        await using var pass = await gates.EnterAsync(mailboxId, ct);
        if (pass.NotBefore is { } wait)
        {
            throw new GraphThrottledException(wait - clock.GetUtcNow(), StatusCodes.Status429TooManyRequests);
        }
        return await read();
    }

    public async Task<ProcessResult> ProcessAsync(InboxRow row, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetForWorkerAsync(row.MailboxId, ct);
        if (mailbox is null)
        {
            return new ProcessResult(true, "mailbox disconnected");
        }
        var client = graph.ForTenant(mailbox.TenantId);
        try
        {
            FetchedMessage? message;
            await using (var pass = await gates.EnterAsync(mailbox.Id, ct))
            {
                if (pass.NotBefore is { } wait)
                {
                    return new ProcessResult(false, pass.Reason, wait, RefundAttempt: true);
                }
                message = await client.GetMessageAsync(mailbox.GraphKey, row.MessageId, ct);
            }
            if (message is null)
            {
                return new ProcessResult(true, "gone: deleted or moved before it was read");
            }
            // Read once however many rules ask (the stamp, the noise of a sent email): each read is a Graph call.
            Task<IReadOnlyList<KeyValuePair<string, string>>?>? mimeHeaders = null;
            var reads = new MessageReads(
                token => mimeHeaders ??= GatedAsync(mailbox.Id, () => client.GetMimeHeadersAsync(mailbox.GraphKey, row.MessageId, token), token),
                token => GatedAsync(mailbox.Id, () => client.GetAttachmentsAsync(mailbox.GraphKey, row.MessageId, token), token));
            var outcome = await handler.HandleAsync(mailbox, row.Folder, message, row.Attempts, reads, ct);
            return outcome.AskAgainIn is { } askAgainIn
                ? new ProcessResult(false, outcome.Reason, clock.GetUtcNow() + askAgainIn, RefundAttempt: false)
                : new ProcessResult(true, outcome.Reason);
        }
        catch (GraphThrottledException throttled)
        {
            // Graph's Retry-After, or the budget's reopening met by a further read: either way nothing goes before it.
            var retryAt = clock.GetUtcNow() + throttled.RetryAfter;
            gates.Throttle(mailbox.Id, retryAt);
            return new ProcessResult(false, "throttled by Graph", retryAt, RefundAttempt: true);
        }
    }
}
