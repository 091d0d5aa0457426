namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>An email on the account's timelines: stored once per account, keyed by its Internet Message-ID.</summary>
public sealed record LoggedEmail
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string InternetMessageId { get; init; }
    public string? ConversationId { get; init; }
    /// <summary>One of <see cref="EmailKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>One of <see cref="EmailDirections"/>.</summary>
    public required string Direction { get; init; }
    public required string Subject { get; init; }
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>Sanitised before it is stored: never raw email HTML.</summary>
    public required string BodyHtml { get; init; }
    public required string Preview { get; init; }
    /// <summary>Which rule logged it, e.g. "intent t-…" or "reply to logged email &lt;id&gt;".</summary>
    public required string LoggedBecause { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Who actually sent it (Graph <c>sender</c>): the agent, when <see cref="FromAddress"/> is a team mailbox.</summary>
    public string? SenderAddress { get; init; }
    public string? SenderName { get; init; }
    /// <summary>Attachment metadata (name, type, size) as JSON; the files themselves are never stored.</summary>
    public string? Attachments { get; init; }
    /// <summary>The library items inserted into it, as JSON (<see cref="InsertedItems"/>).</summary>
    public string? Inserted { get; init; }
    /// <summary>When the account's retention purged its body and preview (null while they are kept).</summary>
    public DateTimeOffset? BodyPurgedAt { get; init; }
}

/// <summary>A sender or recipient of an email; <see cref="Role"/> is from, to, cc or bcc.</summary>
public sealed record EmailParticipant
{
    public required Guid EmailId { get; init; }
    public required Guid AccountId { get; init; }
    public required string Role { get; init; }
    public required int Position { get; init; }
    public required string Address { get; init; }
    public required string AddressNormalized { get; init; }
    public string? DisplayName { get; init; }
}

public sealed record EmailAssociation
{
    public required Guid EmailId { get; init; }
    public required Guid RecordId { get; init; }
    public required Guid AccountId { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public static class EmailKinds
{
    public const string Email = "email";
    public const string Reply = "reply";
    public const string Forward = "forward";

    public static readonly IReadOnlyList<string> All = [Email, Reply, Forward];
}

public static class EmailDirections
{
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";

    public static readonly IReadOnlyList<string> All = [Outgoing, Incoming];
}

public static class ParticipantRoles
{
    public const string From = "from";
    public const string To = "to";
    public const string Cc = "cc";
    public const string Bcc = "bcc";
}
