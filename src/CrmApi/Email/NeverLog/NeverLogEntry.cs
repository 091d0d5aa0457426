using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.NeverLog;

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

    /// <summary>
    /// An address entry matches that address; a domain entry matches the domain and its subdomains. Entries and
    /// addresses are both normalised (<see cref="EmailAddresses"/>), so <c>bücher.de</c> blocks <c>x@xn--bcher-kva.de</c>.
    /// </summary>
    public bool Matches(string normalizedAddress)
    {
        if (Kind == NeverLogKinds.Address)
        {
            return normalizedAddress == Value;
        }
        var domain = EmailAddresses.DomainOf(normalizedAddress);
        return domain == Value || domain.EndsWith("." + Value, StringComparison.Ordinal);
    }
}

/// <summary>The emails an entry took off the timelines when it was added: restorable until <see cref="RestorableUntil"/>.</summary>
public sealed record NeverLogPurge
{
    /// <summary>How long a purge can be undone before the sweep deletes its emails for good.</summary>
    public static readonly TimeSpan RestorableFor = TimeSpan.FromDays(30);

    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid NeverLogId { get; init; }
    /// <summary>The personal entry's user; null for an account entry.</summary>
    public Guid? UserId { get; init; }
    public required string Value { get; init; }
    public required int EmailCount { get; init; }
    public required DateTimeOffset PurgedAt { get; init; }
    public required DateTimeOffset RestorableUntil { get; init; }
    public DateTimeOffset? RestoredAt { get; init; }
}
