using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary><c>address</c> may be left out by a rep connecting their own mailbox: Graph names it from their object id.</summary>
public sealed record ConnectMailboxRequest(string? Address, string? Kind, string? DisplayName);

public sealed record SubscriptionView(string Folder, string Status, string? GraphSubscriptionId, DateTimeOffset ExpiresAt, DateTimeOffset? RenewedAt);

public sealed record MailboxResponse(
    Guid Id, string Address, string Kind, string? DisplayName, DateTimeOffset ConnectedAt, Guid? ConnectedByUserId, IReadOnlyList<SubscriptionView> Subscriptions);

/// <summary>
/// Connecting a mailbox: it must exist in Microsoft 365 (and the app must be allowed to read it); a validated
/// <c>created</c> subscription is made on its Inbox and Sent Items, and each folder's delta is baselined so that only
/// mail from now on is logged. If Graph refuses anything, nothing of the connection is kept. A rep connects their own
/// mailbox only, found in Graph by the object id of their token (a name claim proves nothing); an admin connects
/// anyone's, and every team and help-desk mailbox. Who connected it, and when, is kept and audited.
/// </summary>
public sealed class ConnectMailbox(
    MailboxStore store, SubscriptionStore subscriptionStore, SubscriptionManager subscriptions, DeltaCatchUp catchUp, IGraphMailFactory graph,
    AccountAudit audit, TimeProvider clock, ILogger<ConnectMailbox> logger)
{
    public async Task<Outcome<MailboxResponse>> ConnectAsync(CurrentUser user, ConnectMailboxRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var ownMailbox = !user.IsAdmin || (request.Address is null && request.Kind == MailboxKinds.Personal);
        string? address = null;
        if ((request.Address is not null || !ownMailbox) && !EmailAddresses.TryNormalize(request.Address, out address))
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
        if (!user.IsAdmin && request.Kind != MailboxKinds.Personal)
        {
            return Outcome<MailboxResponse>.Forbidden("Team and help-desk mailboxes are connected by a CRM admin (Crm.Admin): ask your admin.");
        }
        var found = await graph.ForTenant(user.TenantId).FindUserAsync(ownMailbox ? user.ObjectId : address!, ct);
        if (found is null)
        {
            return Outcome<MailboxResponse>.NotFound("address", ownMailbox
                ? "Microsoft 365 has no mailbox for your account that OutlookCrm may read."
                : "Microsoft 365 has no mailbox with this address that OutlookCrm may read.");
        }
        var mailAddress = EmailAddresses.Normalize(found.Mail);
        if (ownMailbox && address is not null && address != mailAddress)
        {
            return Outcome<MailboxResponse>.Forbidden($"You can connect your own mailbox ({found.Mail}) only; a CRM admin connects other people's.");
        }
        var normalized = ownMailbox ? mailAddress : address!;
        if (await store.GetByAddressAsync(user.AccountId, normalized, ct) is not null)
        {
            return Outcome<MailboxResponse>.Invalid("address", "This mailbox is already connected.");
        }
        var mailbox = new ConnectedMailbox
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AccountId = user.AccountId,
            TenantId = user.TenantId,
            Address = ownMailbox ? found.Mail : request.Address!.Trim(),
            AddressNormalized = normalized,
            Kind = request.Kind!,
            DisplayName = request.DisplayName?.Trim(),
            ConnectedAt = clock.GetUtcNow(),
            ConnectedByUserId = user.UserId == Guid.Empty ? null : user.UserId,
            OwnerObjectId = request.Kind == MailboxKinds.Personal ? found.Id : null,
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
            await RemoveAsync(mailbox, CancellationToken.None);
            throw;
        }
        await audit.RecordAsync(user, AuditActions.MailboxConnected, $"{mailbox.Kind} {mailbox.Address}", ct: CancellationToken.None);
        return Outcome<MailboxResponse>.Done(await DescribeAsync(mailbox, ct));
    }

    public async Task<MailboxResponse> DescribeAsync(ConnectedMailbox mailbox, CancellationToken ct)
    {
        var rows = await subscriptionStore.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct);
        return new MailboxResponse(mailbox.Id, mailbox.Address, mailbox.Kind, mailbox.DisplayName, mailbox.ConnectedAt, mailbox.ConnectedByUserId,
            rows.Where(row => row.Status != SubscriptionStatuses.Removed).Select(row => new SubscriptionView(row.Folder, row.Status, row.GraphSubscriptionId, row.ExpiresAt, row.RenewedAt)).ToList());
    }

    private async Task RemoveAsync(ConnectedMailbox mailbox, CancellationToken ct)
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
