using Microsoft.Extensions.Caching.Memory;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>
/// Turns verified notifications into durable work and nothing more: no Graph call happens here. Each item must name a
/// subscription we hold, with its exact clientState (constant-time check); anything else is dropped and counted.
/// </summary>
public sealed class WebhookIntake(
    MailboxStore mailboxes, SubscriptionStore subscriptionStore, InboxStore inbox, JobStore jobs, IngestionSignal signal, IMemoryCache cache, WebhookCounters counters, TimeProvider clock, ILogger<WebhookIntake> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task AcceptChangesAsync(IReadOnlyList<IncomingNotification> items, CancellationToken ct)
    {
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
            });
        }
        await inbox.EnqueueAsync(rows, ct);
        counters.CountAccepted(rows.Count);
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
        if (!ClientStates.TryGetRowId(item.ClientState, out var rowId))
        {
            counters.CountUnknownSubscription();
            return null;
        }
        var subscription = await cache.GetOrCreateAsync(rowId, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return subscriptionStore.GetSubscriptionAsync(rowId, ct);
        });
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
