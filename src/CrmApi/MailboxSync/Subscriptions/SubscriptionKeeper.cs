using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>
/// Keeps every mailbox's subscriptions alive and nothing missed: renews well before expiry (under a lease, so one
/// instance does it), runs lifecycle jobs (renew, recreate then catch up, catch up), sweeps every folder's delta
/// periodically as the safety net, and reconciles Graph's subscription list with the database.
/// </summary>
public sealed class SubscriptionKeeper(
    MailboxStore mailboxes, SubscriptionStore subscriptionStore, SubscriptionManager subscriptions, ClientStates clientStates, DeltaCatchUp catchUp, JobStore jobs,
    IGraphMailFactory graph, GraphOptions graphOptions, IngestionOptions options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SubscriptionKeeper> logger) : BackgroundService
{
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private DateTimeOffset _nextReconcile = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Graph validates new subscriptions by calling our webhook: wait until this host listens.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        _nextSweep = clock.GetUtcNow() + options.DeltaSweepInterval;
        // Reconcile at start-up: subscriptions Graph dropped while this instance was down are recreated at once.
        _nextReconcile = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Subscription upkeep failed: {Error}", error.GetType().Name);
            }
            await Task.Delay(options.KeeperInterval, clock, stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await RenewDueAsync(ct);
        var now = clock.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + options.DeltaSweepInterval;
            foreach (var mailbox in await mailboxes.GetAllAsync(ct))
            {
                foreach (var folder in WatchedFolders.All)
                {
                    await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, folder, JobKinds.CatchUp, ct);
                }
            }
        }
        if (now >= _nextReconcile)
        {
            // Advanced only once it worked: a failed reconcile (Graph unreachable) is tried again next round.
            await RekeyAsync(ct);
            await ReconcileAsync(ct);
            _nextReconcile = now + options.ReconcileInterval;
        }
        await RunJobsAsync(ct);
    }

    private async Task RenewDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var row in await subscriptionStore.GetSubscriptionsDueAsync(now.AddMinutes(graphOptions.RenewBeforeMinutes), ct))
        {
            if (!await subscriptionStore.TryLeaseSubscriptionAsync(row.Id, now, options.Lease, ct) || await mailboxes.GetForWorkerAsync(row.MailboxId, ct) is not { } mailbox)
            {
                continue;
            }
            if (!await subscriptions.RenewAsync(mailbox, row, ct))
            {
                await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, row.Folder, JobKinds.CatchUp, ct);
            }
        }
    }

    private async Task RunJobsAsync(CancellationToken ct)
    {
        foreach (var job in await jobs.ClaimAsync(options.Lease, options.BatchSize, ct))
        {
            try
            {
                await RunJobAsync(job, ct);
                await jobs.CompleteAsync(job.Id, ct);
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
    }

    private async Task RunJobAsync(MailboxJob job, CancellationToken ct)
    {
        if (await mailboxes.GetForWorkerAsync(job.MailboxId, ct) is not { } mailbox)
        {
            return;
        }
        var folders = job.Folder is { } folder ? [folder] : WatchedFolders.All;
        foreach (var name in folders)
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
    }

    /// <summary>
    /// Subscriptions whose clientState the current key did not sign (made before states were signed, or before a key
    /// rotation) are recreated, then caught up through delta: Graph cannot change a subscription's clientState, and the
    /// webhook drops unsigned states without reading the database, so what they announced in between is found by delta.
    /// </summary>
    private async Task RekeyAsync(CancellationToken ct)
    {
        foreach (var row in await subscriptionStore.GetActiveSubscriptionsOfOtherKeysAsync(clientStates.CurrentKeyId, ct))
        {
            await jobs.EnqueueAsync(row.AccountId, row.MailboxId, row.Folder, JobKinds.Recreate, ct);
        }
    }

    /// <summary>Graph's list against ours: a subscription Graph lost is recreated (then caught up); one we do not know is deleted.</summary>
    private async Task ReconcileAsync(CancellationToken ct)
    {
        var active = await subscriptionStore.GetActiveSubscriptionsAsync(ct);
        foreach (var tenant in (await mailboxes.GetAllAsync(ct)).GroupBy(mailbox => mailbox.TenantId))
        {
            var ids = tenant.Select(mailbox => mailbox.Id).ToHashSet();
            var ours = active.Where(row => ids.Contains(row.MailboxId)).ToList();
            var graphSubscriptions = await graph.ForTenant(tenant.Key).ListSubscriptionsAsync(ct);
            var known = graphSubscriptions.Select(subscription => subscription.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var lost in ours.Where(row => row.GraphSubscriptionId is not null && !known.Contains(row.GraphSubscriptionId)))
            {
                var mailbox = tenant.First(m => m.Id == lost.MailboxId);
                await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, lost.Folder, JobKinds.Recreate, ct);
            }
            // Every account's subscriptions count as ours: one app (and, in development, one emulator) serves them all.
            var ourIds = active.Select(row => row.GraphSubscriptionId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var orphan in graphSubscriptions.Where(subscription => subscription.NotificationUrl.EndsWith("/webhooks/graph", StringComparison.OrdinalIgnoreCase) && !ourIds.Contains(subscription.Id)))
            {
                await graph.ForTenant(tenant.Key).DeleteSubscriptionAsync(orphan.Id, ct);
            }
        }
    }
}
