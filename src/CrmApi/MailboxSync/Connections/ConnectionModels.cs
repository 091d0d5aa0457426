namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// <c>address</c> may be left out by a rep connecting their own mailbox: Graph names it from their object id.
/// <c>userId</c>: the mailbox's user principal name or object id, when Graph does not know the user by the SMTP address
/// (a UPN that differs from it, an alias). <c>importDays</c>: also log mail received up to that many days before the
/// connection (an admin's choice, at most <see cref="ConnectMailbox.MaxImportDays"/>); by default only mail from now on.
/// </summary>
public sealed record ConnectMailboxRequest(string? Address, string? Kind, string? DisplayName, string? UserId = null, int? ImportDays = null);

public sealed record SubscriptionView(string Folder, string Status, string? GraphSubscriptionId, DateTimeOffset ExpiresAt, DateTimeOffset? RenewedAt);

/// <summary>
/// A first sync or history import of one folder: <c>status</c> pending, processing (a run is under way), done or
/// dead; <c>itemsQueued</c> how many messages it has handed to the logging rules so far.
/// </summary>
public sealed record SyncView(string Kind, string Folder, string Status, DateTimeOffset? Since, long ItemsQueued, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? LastError);

public sealed record MailboxResponse(
    Guid Id, string Address, string Kind, string? DisplayName, DateTimeOffset ConnectedAt, Guid? ConnectedByUserId, IReadOnlyList<SubscriptionView> Subscriptions,
    IReadOnlyList<SyncView> Sync);

/// <summary>Where a mailbox is in Graph: the key Graph names it by, its SMTP address, and whose own mailbox it is.</summary>
public sealed record MailboxTarget(string GraphKey, string Address, string? OwnerObjectId);

/// <summary><c>POST /api/mailboxes/{id}/import</c>: log mail received in the last <c>days</c> days too.</summary>
public sealed record ImportRequest(int? Days);
