using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Throttling;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// The safety net under notifications: a folder's delta since its stored delta link, every new message queued in the
/// inbox (where a message already seen is a no-op). An expired delta link means a full resync, limited to mail that
/// arrived since the mailbox was connected.
/// </summary>
public sealed class DeltaCatchUp(IGraphMailFactory graph, JobStore jobs, InboxStore inbox, MailboxGates gates, TimeProvider clock, ILogger<DeltaCatchUp> logger)
{
    private const int MaxPages = 10_000;

    /// <summary>At connection: remember where the folder stands today, without queuing the mail already there.</summary>
    public async Task BaselineAsync(ConnectedMailbox mailbox, string folder, CancellationToken ct) =>
        await WalkAsync(mailbox, folder, link: null, enqueue: _ => false, ct);

    public async Task<int> CatchUpAsync(ConnectedMailbox mailbox, string folder, CancellationToken ct)
    {
        var link = await jobs.GetDeltaLinkAsync(mailbox.Id, folder, ct);
        try
        {
            return await WalkAsync(mailbox, folder, link, enqueue: _ => true, ct);
        }
        catch (DeltaExpiredException)
        {
            logger.LogWarning("Delta link of mailbox {MailboxId} folder {Folder} expired: full resync", mailbox.Id, folder);
            return await WalkAsync(mailbox, folder, link: null, enqueue: item => item.ReceivedAt is null || item.ReceivedAt >= mailbox.ConnectedAt, ct);
        }
    }

    private async Task<int> WalkAsync(ConnectedMailbox mailbox, string folder, string? link, Func<DeltaItem, bool> enqueue, CancellationToken ct)
    {
        var client = graph.ForTenant(mailbox.TenantId);
        var queued = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            DeltaPage delta;
            await using (var pass = await gates.EnterAsync(mailbox.Id, ct))
            {
                // Put off (the job runs again then) until Graph's Retry-After has passed or the budget opens again.
                if (pass.NotBefore is { } wait)
                {
                    throw new GraphThrottledException(wait - clock.GetUtcNow(), StatusCodes.Status429TooManyRequests);
                }
                try
                {
                    delta = await client.DeltaAsync(mailbox.Address, folder, link, ct);
                }
                catch (GraphThrottledException throttled)
                {
                    gates.Throttle(mailbox.Id, clock.GetUtcNow() + throttled.RetryAfter);
                    throw;
                }
            }
            var now = clock.GetUtcNow();
            var rows = delta.Items.Where(item => !item.Removed && enqueue(item)).Select(item => new InboxRow
            {
                Id = Guid.CreateVersion7(now),
                AccountId = mailbox.AccountId,
                MailboxId = mailbox.Id,
                Folder = folder,
                MessageId = item.Id,
                ChangeType = "created",
                ReceivedAt = now,
                Status = InboxStatuses.Pending,
                Attempts = 0,
                NotBefore = now,
            }).ToList();
            await inbox.EnqueueAsync(rows, ct);
            queued += rows.Count;
            if (delta.DeltaLink is { } deltaLink)
            {
                await jobs.SaveDeltaLinkAsync(mailbox.AccountId, mailbox.Id, folder, deltaLink, ct);
                return queued;
            }
            link = delta.NextLink ?? throw new InvalidOperationException("A delta page had neither a next link nor a delta link");
        }
        throw new InvalidOperationException($"Delta did not finish within {MaxPages} pages");
    }
}
