namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

public static class MailboxKinds
{
    public const string Personal = "personal";
    public const string Team = "team";
    public const string Helpdesk = "helpdesk";

    public static readonly IReadOnlyList<string> All = [Personal, Team, Helpdesk];
}

/// <summary>The folders a connected mailbox is watched in.</summary>
public static class WatchedFolders
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";

    public static readonly IReadOnlyList<string> All = [Inbox, SentItems];
}

/// <summary>A mailbox the account connected: its mail is logged from Graph change notifications.</summary>
public sealed record ConnectedMailbox
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    /// <summary>Read from the joined account: Graph app-only tokens are per tenant.</summary>
    public string TenantId { get; init; } = "";
    public required string Address { get; init; }
    public required string AddressNormalized { get; init; }
    public required string Kind { get; init; }
    public string? DisplayName { get; init; }
    public required DateTimeOffset ConnectedAt { get; init; }
    /// <summary>Who connected it (null for mailboxes connected before this was recorded).</summary>
    public Guid? ConnectedByUserId { get; init; }
    /// <summary>The Entra object id of the person whose own mailbox this is (a personal mailbox), from Graph.</summary>
    public string? OwnerObjectId { get; init; }
    /// <summary>
    /// What Graph names the mailbox by (<c>/users/{id | userPrincipalName}</c>): the user's object id or UPN, which may
    /// differ from the SMTP address; null for mailboxes connected before it was kept, named by their address.
    /// </summary>
    public string? GraphUserId { get; init; }
    /// <summary><see cref="ConnectStates"/>: a connection that has not finished making its subscriptions is "connecting".</summary>
    public string ConnectState { get; init; } = ConnectStates.Connected;
    public DateTimeOffset? LastNotificationAt { get; init; }
    public string? LastError { get; init; }

    /// <summary>The key of every Graph call about this mailbox.</summary>
    public string GraphKey => GraphUserId ?? Address;
}

public static class ConnectStates
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
}
