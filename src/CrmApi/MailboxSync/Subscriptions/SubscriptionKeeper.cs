using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>
/// Keeps every mailbox's subscriptions alive and nothing missed: renews well before expiry (under a lease, so one
/// instance does it), runs the mailbox jobs (<see cref="MailboxJobRunner"/>), sweeps every folder's delta
/// periodically as the safety net, and reconciles Graph's subscription list with the database.
/// </summary>
public sealed class SubscriptionKeeper(
    MailboxStore mailboxes, SubscriptionStore subscriptionStore, SubscriptionManager subscriptions, ClientStates clientStates, MailboxJobRunner runner, JobStore jobs,
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
        // Jobs due again at once (a walk's next pages) run now, not a keeper interval later, for up to one interval:
        // renewals come first again after that.
        var started = clock.GetUtcNow();
        int ran;
        do
        {
            ran = await runner.RunDueAsync(ct);
        }
        while (ran > 0 && clock.GetUtcNow() - started < options.KeeperInterval);
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
