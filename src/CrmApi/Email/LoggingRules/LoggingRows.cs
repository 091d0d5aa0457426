namespace OutlookCrm.CrmApi.Email.LoggingRules;

public sealed record EmailKey
{
    public required Guid Id { get; init; }
    public required string InternetMessageId { get; init; }
}

public static class Outcomes
{
    public const string Logged = "logged";
    public const string NotLogged = "notLogged";
}

/// <summary>What was decided for one message seen in one mailbox, and why: the pane's "logged / not logged + reason".</summary>
public sealed record MessageOutcome
{
    public required Guid AccountId { get; init; }
    public required string InternetMessageId { get; init; }
    public required Guid MailboxId { get; init; }
    public string? TrackingId { get; init; }
    public required string Outcome { get; init; }
    public required string Reason { get; init; }
    public Guid? EmailId { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}

public static class NeverLogKinds
{
    public const string Address = "address";
    public const string Domain = "domain";
}

public sealed record NeverLogEntry
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    /// <summary>Null for the account's list; a user's id for their personal list.</summary>
    public Guid? UserId { get; init; }
    public required string Kind { get; init; }
    public required string Value { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>An address entry matches that address; a domain entry matches the domain and its subdomains.</summary>
    public bool Matches(string normalizedAddress)
    {
        if (Kind == NeverLogKinds.Address)
        {
            return normalizedAddress == Value;
        }
        var domain = normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];
        return domain == Value || domain.EndsWith("." + Value, StringComparison.Ordinal);
    }
}
