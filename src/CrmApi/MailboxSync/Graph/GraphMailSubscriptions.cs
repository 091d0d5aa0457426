using Microsoft.Graph.Models;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>Graph's <c>/subscriptions</c>, as <see cref="IGraphMail"/> uses them: create, renew, delete, list.</summary>
public sealed partial class GraphMail
{
    // A bound on a list that should end: an endless chain of next links is a fault, not a reason to loop forever.
    private const int MaxSubscriptionPages = 10_000;

    public async Task<GraphSubscriptionInfo> CreateSubscriptionAsync(string address, string folder, string clientState, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var created = await CallAsync(() => graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = lifecycleUrl,
            Resource = $"users/{address}/mailFolders('{folder}')/messages",
            ExpirationDateTime = expiresAt,
            ClientState = clientState,
        }, request => request.Headers.Add("Prefer", ImmutableIds), ct));
        return ToInfo(created!);
    }

    public async Task<DateTimeOffset?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var renewed = await OrNullWhenGoneAsync(() => graph.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: ct));
        return renewed?.ExpirationDateTime;
    }

    public async Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken ct) =>
        await OrNullWhenGoneAsync<object>(async () =>
        {
            await graph.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: ct);
            return new object();
        });

    /// <summary>
    /// Every page: Graph pages the list with <c>@odata.nextLink</c> (learn.microsoft.com graph/api/subscription-list,
    /// graph/paging), and a reconcile that saw page 1 only would take the rest for lost and recreate them every round.
    /// </summary>
    public async Task<IReadOnlyList<GraphSubscriptionInfo>> ListSubscriptionsAsync(CancellationToken ct)
    {
        var all = new List<GraphSubscriptionInfo>();
        var page = await CallAsync(() => graph.Subscriptions.GetAsync(cancellationToken: ct));
        for (var pages = 1; page is not null; pages++)
        {
            all.AddRange(page.Value?.Select(ToInfo) ?? []);
            if (page.OdataNextLink is not { } next)
            {
                break;
            }
            if (pages >= MaxSubscriptionPages)
            {
                throw new InvalidOperationException($"The subscription list did not end within {MaxSubscriptionPages} pages");
            }
            page = await CallAsync(() => graph.Subscriptions.WithUrl(next).GetAsync(cancellationToken: ct));
        }
        return all;
    }

    private static GraphSubscriptionInfo ToInfo(Subscription subscription) =>
        new(subscription.Id!, subscription.Resource ?? "", subscription.NotificationUrl ?? "", subscription.ExpirationDateTime ?? DateTimeOffset.MinValue);
}
