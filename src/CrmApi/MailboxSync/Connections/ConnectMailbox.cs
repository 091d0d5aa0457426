using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// Connecting a mailbox answers at once: the mailbox is found and its access proven (<see cref="MailboxLocator"/>),
/// a validated <c>created</c> subscription is made on its Inbox and Sent Items, and the first sync of each folder is
/// queued as a job (<see cref="JobKinds.FirstSync"/>) that walks the folder's delta in the background, a few pages at a
/// time, logging only mail since the connection unless an admin asked to import some days of history. If anything
/// fails before the answer, nothing of the connection is kept, whatever the failure (the caller hanging up too); a
/// connection a stopped process left half-made is replaced by the next try. A rep connects their own mailbox only; an
/// admin connects anyone's, and every team and help-desk mailbox. Who connected it, and when, is kept and audited.
/// </summary>
public sealed class ConnectMailbox(
    MailboxStore store, MailboxLocator locator, SubscriptionManager subscriptions, JobStore jobs, MailboxDescriber describer, AccountAudit audit, TimeProvider clock,
    ILogger<ConnectMailbox> logger)
{
    public const int MaxImportDays = 90;

    /// <summary>A connection still "connecting" after this long was left by a stopped process (a live one takes seconds).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<Outcome<MailboxResponse>> ConnectAsync(CurrentUser user, ConnectMailboxRequest request, CancellationToken ct)
    {
        var ownMailbox = !user.IsAdmin || (request.Address is null && request.Kind == MailboxKinds.Personal);
        if (Validate(user, request, ownMailbox) is { } invalid)
        {
            return invalid;
        }
        var located = ownMailbox
            ? await locator.OwnAsync(user, request.Address, ct)
            : await locator.OtherAsync(user, request.Address!.Trim(), request.UserId, request.Kind == MailboxKinds.Personal, ct);
        if (!located.IsDone)
        {
            return located.Failed<MailboxResponse>();
        }
        var target = located.Value!;
        var normalized = EmailAddresses.Normalize(target.Address);
        if (await store.GetByAddressAsync(user.AccountId, normalized, ct) is { } existing)
        {
            if (existing.ConnectState != ConnectStates.Connecting || clock.GetUtcNow() - existing.ConnectedAt < AbandonedAfter)
            {
                return Outcome<MailboxResponse>.Invalid("address", existing.ConnectState == ConnectStates.Connecting
                    ? "This mailbox is being connected now." : "This mailbox is already connected.");
            }
            logger.LogWarning("Mailbox {MailboxId} was left half-connected: replacing it", existing.Id);
            await subscriptions.RemoveAllAsync(existing, CancellationToken.None);
            await store.DeleteAsync(existing.AccountId, existing.Id, CancellationToken.None);
        }
        var now = clock.GetUtcNow();
        var mailbox = new ConnectedMailbox
        {
            Id = Guid.CreateVersion7(now),
            AccountId = user.AccountId,
            TenantId = user.TenantId,
            Address = target.Address.Trim(),
            AddressNormalized = normalized,
            Kind = request.Kind!,
            DisplayName = request.DisplayName?.Trim(),
            ConnectedAt = now,
            ConnectedByUserId = user.UserId == Guid.Empty ? null : user.UserId,
            OwnerObjectId = request.Kind == MailboxKinds.Personal ? target.OwnerObjectId : null,
            GraphUserId = target.GraphKey,
            ConnectState = ConnectStates.Connecting,
        };
        await store.CreateAsync(mailbox, ct);
        try
        {
            foreach (var folder in WatchedFolders.All)
            {
                await subscriptions.CreateAsync(mailbox, folder, ct);
            }
            var since = now.AddDays(-(request.ImportDays ?? 0));
            foreach (var folder in WatchedFolders.All)
            {
                await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, folder, JobKinds.FirstSync, ct, since);
            }
            await store.SetConnectStateAsync(mailbox.AccountId, mailbox.Id, ConnectStates.Connected, ct);
        }
        catch (Exception error)
        {
            // Whatever stopped it (Graph, the database, the caller hanging up), nothing of the connection stays.
            logger.LogWarning("Connecting mailbox {MailboxId} failed: {Error}", mailbox.Id, error.GetType().Name);
            await subscriptions.RemoveAllAsync(mailbox, CancellationToken.None);
            await store.DeleteAsync(mailbox.AccountId, mailbox.Id, CancellationToken.None);
            throw;
        }
        await audit.RecordAsync(user, AuditActions.MailboxConnected, $"{mailbox.Kind} {mailbox.Address}", ct: CancellationToken.None);
        return Outcome<MailboxResponse>.Done(await describer.DescribeAsync(mailbox with { ConnectState = ConnectStates.Connected }, CancellationToken.None));
    }

    private static Outcome<MailboxResponse>? Validate(CurrentUser user, ConnectMailboxRequest request, bool ownMailbox)
    {
        var errors = new ValidationErrors();
        if ((request.Address is not null || !ownMailbox) && !EmailAddresses.TryNormalize(request.Address, out _))
        {
            errors.Add("address", "Not a valid email address.");
        }
        if (request.Kind is null || !MailboxKinds.All.Contains(request.Kind))
        {
            errors.Add("kind", $"One of {string.Join(", ", MailboxKinds.All)}.");
        }
        if (request.ImportDays is < 0 or > MaxImportDays)
        {
            errors.Add("importDays", $"From 0 to {MaxImportDays} days.");
        }
        if (request.UserId is { Length: > 320 })
        {
            errors.Add("userId", "A user principal name or object id, at most 320 characters.");
        }
        if (errors.Any)
        {
            return Outcome<MailboxResponse>.Invalid(errors);
        }
        if (!user.IsAdmin && request.Kind != MailboxKinds.Personal)
        {
            return Outcome<MailboxResponse>.Forbidden("Team and help-desk mailboxes are connected by a CRM admin (Crm.Admin): ask your admin.");
        }
        if (!user.IsAdmin && request.ImportDays is > 0)
        {
            return Outcome<MailboxResponse>.Forbidden("Importing older mail is a CRM admin's choice (Crm.Admin): ask your admin.");
        }
        return null;
    }
}
