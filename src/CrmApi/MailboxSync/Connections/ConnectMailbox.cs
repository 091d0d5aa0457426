using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

public sealed record ConnectMailboxRequest(string? Address, string? Kind, string? DisplayName);

public sealed record SubscriptionView(string Folder, string Status, string? GraphSubscriptionId, DateTimeOffset ExpiresAt, DateTimeOffset? RenewedAt);

public sealed record MailboxResponse(Guid Id, string Address, string Kind, string? DisplayName, DateTimeOffset ConnectedAt, IReadOnlyList<SubscriptionView> Subscriptions);

/// <summary>
/// Connecting a mailbox: it must exist in Microsoft 365 (and the app must be allowed to read it); a validated
/// <c>created</c> subscription is made on its Inbox and Sent Items, and each folder's delta is baselined so that only
/// mail from now on is logged. If Graph refuses anything, nothing of the connection is kept.
/// </summary>
public sealed class ConnectMailbox(MailboxStore store, SubscriptionStore subscriptionStore, SubscriptionManager subscriptions, DeltaCatchUp catchUp, IGraphMailFactory graph, TimeProvider clock, ILogger<ConnectMailbox> logger)
{
    public async Task<Outcome<MailboxResponse>> ConnectAsync(CurrentUser user, ConnectMailboxRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!EmailAddresses.TryNormalize(request.Address, out var address))
        {
            errors.Add("address", "Not a valid email address.");
        }
        if (request.Kind is null || !MailboxKinds.All.Contains(request.Kind))
        {
            errors.Add("kind", $"One of {string.Join(", ", MailboxKinds.All)}.");
        }
        if (errors.Any)
        {
            return Outcome<MailboxResponse>.Invalid(errors);
        }
        if (await store.GetByAddressAsync(user.AccountId, address!, ct) is not null)
        {
            return Outcome<MailboxResponse>.Invalid("address", "This mailbox is already connected.");
        }
        if (!await graph.ForTenant(user.TenantId).MailboxExistsAsync(address!, ct))
        {
            return Outcome<MailboxResponse>.NotFound("address", "Microsoft 365 has no mailbox with this address that OutlookCrm may read.");
        }
        var mailbox = new ConnectedMailbox
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AccountId = user.AccountId,
            TenantId = user.TenantId,
            Address = request.Address!.Trim(),
            AddressNormalized = address!,
            Kind = request.Kind!,
            DisplayName = request.DisplayName?.Trim(),
            ConnectedAt = clock.GetUtcNow(),
        };
        await store.CreateAsync(mailbox, ct);
        try
        {
            foreach (var folder in WatchedFolders.All)
            {
                await catchUp.BaselineAsync(mailbox, folder, ct);
                await subscriptions.CreateAsync(mailbox, folder, ct);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Connecting mailbox {MailboxId} failed: {Error}", mailbox.Id, error.GetType().Name);
            await DisconnectAsync(mailbox, CancellationToken.None);
            throw;
        }
        return Outcome<MailboxResponse>.Done(await DescribeAsync(mailbox, ct));
    }

    public async Task<MailboxResponse> DescribeAsync(ConnectedMailbox mailbox, CancellationToken ct)
    {
        var rows = await subscriptionStore.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct);
        return new MailboxResponse(mailbox.Id, mailbox.Address, mailbox.Kind, mailbox.DisplayName, mailbox.ConnectedAt,
            rows.Where(row => row.Status != SubscriptionStatuses.Removed).Select(row => new SubscriptionView(row.Folder, row.Status, row.GraphSubscriptionId, row.ExpiresAt, row.RenewedAt)).ToList());
    }

    private async Task DisconnectAsync(ConnectedMailbox mailbox, CancellationToken ct)
    {
        foreach (var row in await subscriptionStore.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct))
        {
            if (row.GraphSubscriptionId is { } graphId)
            {
                await graph.ForTenant(mailbox.TenantId).DeleteSubscriptionAsync(graphId, ct);
            }
        }
        await store.DeleteAsync(mailbox.AccountId, mailbox.Id, ct);
    }
}
