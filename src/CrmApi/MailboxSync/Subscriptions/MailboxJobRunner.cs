using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>
/// Runs the due mailbox jobs (under a lease, so one instance runs each): renew, recreate then catch up, catch up, and
/// the walks (first sync, import) a few pages per run. A throttled job waits for Graph's Retry-After; a failing one
/// backs off and dead-letters after <see cref="IngestionOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailboxJobRunner(
    MailboxStore mailboxes, SubscriptionStore subscriptionStore, SubscriptionManager subscriptions, DeltaCatchUp catchUp, JobStore jobs,
    IngestionOptions options, TimeProvider clock, ILogger<MailboxJobRunner> logger)
{
    /// <summary>One batch of due jobs; how many were claimed (a walk that goes on is due again at once).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var claimed = await jobs.ClaimAsync(options.Lease, options.BatchSize, ct);
        foreach (var job in claimed)
        {
            try
            {
                await RunAsync(job, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                // Shutting down: whatever failed (a client disposed under the job), the job's lease runs out and
                // another run takes it; no write now, after the host may have let go of the database.
                throw new OperationCanceledException(ct);
            }
            catch (GraphThrottledException throttled)
            {
                await jobs.RescheduleAsync(job.Id, dead: false, clock.GetUtcNow() + throttled.RetryAfter, "throttled by Graph", ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                var dead = job.Attempts >= options.MaxAttempts;
                var delay = Backoff.After(job.Attempts, options.RetryBaseDelay, options.RetryMaxDelay);
                logger.LogWarning("Job {Kind} for mailbox {MailboxId} failed: {Error}", job.Kind, job.MailboxId, error.GetType().Name);
                await jobs.RescheduleAsync(job.Id, dead, clock.GetUtcNow() + delay, error.GetType().Name, ct);
            }
        }
        return claimed.Count;
    }

    private async Task RunAsync(MailboxJob job, CancellationToken ct)
    {
        if (await mailboxes.GetForWorkerAsync(job.MailboxId, ct) is not { } mailbox)
        {
            await jobs.CompleteAsync(job.Id, ct);
            return;
        }
        if (JobKinds.Walks.Contains(job.Kind) && job.Folder is not null)
        {
            var step = await catchUp.WalkStepAsync(mailbox, job, ct);
            var queued = job.ItemsQueued + step.Queued;
            await (step.NextLink is { } next ? jobs.ContinueAsync(job.Id, next, queued, ct) : jobs.FinishWalkAsync(job.Id, queued, ct));
            return;
        }
        foreach (var name in job.Folder is { } folder ? [folder] : WatchedFolders.All)
        {
            switch (job.Kind)
            {
                case JobKinds.Renew:
                    var current = (await subscriptionStore.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct)).FirstOrDefault(row => row.Folder == name && row.Status == SubscriptionStatuses.Active);
                    if (current is null || !await subscriptions.RenewAsync(mailbox, current, ct))
                    {
                        await catchUp.CatchUpAsync(mailbox, name, ct);
                    }
                    break;
                case JobKinds.Recreate:
                    await subscriptions.RecreateAsync(mailbox, name, ct);
                    await catchUp.CatchUpAsync(mailbox, name, ct);
                    break;
                default:
                    await catchUp.CatchUpAsync(mailbox, name, ct);
                    break;
            }
        }
        await jobs.CompleteAsync(job.Id, ct);
    }
}
