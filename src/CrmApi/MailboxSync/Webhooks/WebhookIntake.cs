using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>
/// Turns verified notifications into durable work and nothing more: no Graph call happens here. Each item's clientState
/// must carry this server's signature, checked by computation before anything is read (a forged item costs no database
/// read), then name a subscription we hold, with its exact clientState (constant-time check); anything else is dropped
/// and counted. Subscription rows are cached briefly in a bounded cache.
/// </summary>
public sealed class WebhookIntake(
    MailboxStore mailboxes, SubscriptionStore subscriptionStore, InboxStore inbox, JobStore jobs, IngestionSignal signal, ClientStates clientStates,
    BoundedCache<Guid, SubscriptionRow> cache, IngestionOptions options, WebhookCounters counters, TimeProvider clock, ILogger<WebhookIntake> logger)
{
    /// <summary>
    /// A batch over the cap is refused whole (413), counted and logged: Graph's batches are far smaller, so such a batch
    /// is not Graph's; were it Graph's, the refusal makes Graph deliver again, and the delta sweep finds the messages.
    /// </summary>
    public bool OverCap(int items)
    {
        if (items <= options.WebhookMaxItemsPerBatch)
        {
            return false;
        }
        counters.CountTooManyItems();
        logger.LogWarning("Refused a notification batch of {Items} items (the cap is {Cap})", items, options.WebhookMaxItemsPerBatch);
        return true;
    }

    public async Task AcceptChangesAsync(IReadOnlyList<IncomingNotification> items, CancellationToken ct)
    {
        // Each row keeps this span's traceparent: the worker's span continues the trace, whichever instance claims it.
        using var activity = CrmTelemetry.Source.StartActivity("webhook.accept");
        var now = clock.GetUtcNow();
        var rows = new List<InboxRow>();
        foreach (var item in items)
        {
            if (await VerifyAsync(item, ct) is not { } subscription || item.MessageId is null || item.ChangeType is null)
            {
                continue;
            }
            rows.Add(new InboxRow
            {
                Id = Guid.CreateVersion7(now),
                AccountId = subscription.AccountId,
                MailboxId = subscription.MailboxId,
                Folder = subscription.Folder,
                MessageId = item.MessageId,
                ChangeType = item.ChangeType,
                ReceivedAt = now,
                Status = InboxStatuses.Pending,
                Attempts = 0,
                NotBefore = now,
                TraceParent = TraceParents.Current(),
            });
        }
        if (rows.Count == 0)
        {
            return;
        }
        await inbox.EnqueueAsync(rows, ct, notified: true);
        counters.CountAccepted(rows.Count);
        CrmTelemetry.NotificationsReceived.Add(rows.Count);
        signal.Pulse();
        await mailboxes.TouchLastNotificationAsync(rows.Select(row => row.MailboxId).Distinct().ToList(), now, ct);
    }

    public async Task AcceptLifecycleAsync(IReadOnlyList<IncomingNotification> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            if (await VerifyAsync(item, ct) is not { } subscription)
            {
                continue;
            }
            var kind = item.LifecycleEvent switch
            {
                "reauthorizationRequired" => JobKinds.Renew,
                "subscriptionRemoved" => JobKinds.Recreate,
                "missed" => JobKinds.CatchUp,
                _ => null,
            };
            if (kind is null)
            {
                counters.CountMalformed();
                continue;
            }
            if (kind == JobKinds.Recreate)
            {
                await subscriptionStore.SetSubscriptionStatusAsync(subscription.Id, SubscriptionStatuses.Removed, ct);
                cache.Remove(subscription.Id);
            }
            logger.LogInformation("Lifecycle event {Event} for subscription {SubscriptionId}", item.LifecycleEvent, subscription.Id);
            await jobs.EnqueueAsync(subscription.AccountId, subscription.MailboxId, subscription.Folder, kind, ct);
        }
    }

    private async Task<SubscriptionRow?> VerifyAsync(IncomingNotification item, CancellationToken ct)
    {
        if (!clientStates.TryVerify(item.ClientState, out var rowId))
        {
            counters.CountForged();
            return null;
        }
        if (!cache.TryGet(rowId, out var subscription))
        {
            counters.CountSubscriptionRead();
            subscription = await subscriptionStore.GetSubscriptionAsync(rowId, ct);
            cache.Set(rowId, subscription);
        }
        if (subscription is null || subscription.Status == SubscriptionStatuses.Removed
            || (subscription.GraphSubscriptionId is { } graphId && !string.Equals(graphId, item.SubscriptionId, StringComparison.OrdinalIgnoreCase)))
        {
            counters.CountUnknownSubscription();
            return null;
        }
        if (!ClientStates.Matches(item.ClientState, subscription.ClientStateHash))
        {
            counters.CountClientStateMismatch();
            logger.LogWarning("Dropped a notification whose clientState does not match subscription {SubscriptionId}", subscription.Id);
            return null;
        }
        return subscription;
    }
}
