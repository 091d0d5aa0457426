using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Throttling;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// The safety net under notifications: a folder's delta since its stored delta link, every new message queued in the
/// inbox (where a message already seen is a no-op). A folder with no delta link yet, or an expired one, means a walk
/// from the start, limited to mail that arrived since the mailbox was connected: a mailbox's old mail is imported only
/// when an admin asks (a <see cref="JobKinds.Import"/>), never by accident.
/// </summary>
public sealed class DeltaCatchUp(IGraphMailFactory graph, JobStore jobs, InboxStore inbox, MailboxGates gates, TimeProvider clock, ILogger<DeltaCatchUp> logger)
{
    private const int MaxPages = 10_000;

    /// <summary>How many delta pages (of 100) a first sync or import walks per run before it queues itself again.</summary>
    public const int PagesPerRun = 20;

    /// <summary>
    /// New mail since the folder's delta link. With no link yet, or an expired one, the folder needs a walk from the
    /// start, which can be long (a real mailbox holds tens of thousands of items): it is queued as a first sync that
    /// runs a few pages at a time, limited to mail since the connection, instead of holding this job for minutes.
    /// </summary>
    public async Task<int> CatchUpAsync(ConnectedMailbox mailbox, string folder, CancellationToken ct)
    {
        if (await jobs.GetDeltaLinkAsync(mailbox.Id, folder, ct) is not { } link)
        {
            await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, folder, JobKinds.FirstSync, ct, since: mailbox.ConnectedAt);
            return 0;
        }
        try
        {
            return (await WalkAsync(mailbox, folder, link, _ => true, saveDeltaLink: true, MaxPages, ct)).Queued;
        }
        catch (DeltaExpiredException)
        {
            logger.LogWarning("Delta link of mailbox {MailboxId} folder {Folder} expired: full resync", mailbox.Id, folder);
            await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, folder, JobKinds.FirstSync, ct, since: mailbox.ConnectedAt);
            return 0;
        }
    }

    /// <summary>
    /// A run of a first sync or import: at most <see cref="PagesPerRun"/> pages from where the job stands, queuing mail
    /// received since the job's start. A first sync keeps the delta link it ends with; an import leaves the stored one.
    /// </summary>
    public async Task<WalkStep> WalkStepAsync(ConnectedMailbox mailbox, MailboxJob job, CancellationToken ct)
    {
        var since = ReceivedSince(job.Since ?? mailbox.ConnectedAt);
        var saveDeltaLink = job.Kind == JobKinds.FirstSync;
        try
        {
            return await WalkAsync(mailbox, job.Folder!, job.ResumeLink, since, saveDeltaLink, PagesPerRun, ct);
        }
        catch (DeltaExpiredException) when (job.ResumeLink is not null)
        {
            // A skip token can expire too: the walk starts over (what it queued already is a no-op the second time).
            logger.LogWarning("A walk of mailbox {MailboxId} folder {Folder} lost its place: starting over", mailbox.Id, job.Folder);
            return await WalkAsync(mailbox, job.Folder!, link: null, since, saveDeltaLink, PagesPerRun, ct);
        }
    }

    private static Func<DeltaItem, bool> ReceivedSince(DateTimeOffset since) => item => item.ReceivedAt is null || item.ReceivedAt >= since;

    private async Task<WalkStep> WalkAsync(
        ConnectedMailbox mailbox, string folder, string? link, Func<DeltaItem, bool> enqueue, bool saveDeltaLink, int maxPages, CancellationToken ct)
    {
        var client = graph.ForTenant(mailbox.TenantId);
        var queued = 0;
        for (var page = 0; page < maxPages; page++)
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
                    delta = await client.DeltaAsync(mailbox.GraphKey, folder, link, ct);
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
                if (saveDeltaLink)
                {
                    await jobs.SaveDeltaLinkAsync(mailbox.AccountId, mailbox.Id, folder, deltaLink, ct);
                }
                return new WalkStep(queued, NextLink: null);
            }
            link = delta.NextLink ?? throw new InvalidOperationException("A delta page had neither a next link nor a delta link");
        }
        return maxPages < MaxPages ? new WalkStep(queued, link) : throw new InvalidOperationException($"Delta did not finish within {MaxPages} pages");
    }
}

/// <summary>What a run of a walk queued, and where the next run goes on (null: the walk is done).</summary>
public sealed record WalkStep(int Queued, string? NextLink);
