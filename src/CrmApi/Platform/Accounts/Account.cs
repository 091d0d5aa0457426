namespace OutlookCrm.CrmApi.Platform.Accounts;

// Row types are init-property records (not positional): Dapper maps columns to properties, converting SQLite's
// INTEGER and TEXT to bool, Guid and DateTimeOffset, which constructor mapping would refuse.

/// <summary>A customer organisation: one per Microsoft 365 tenant. Every row of every table belongs to one.</summary>
public sealed record Account
{
    public required Guid Id { get; init; }
    public required string TenantId { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Whether B2B guests of the tenant (acct = 1) may sign in; off until an admin allows them.</summary>
    public bool AllowGuests { get; init; }
}

/// <summary>A person of an account, identified by the Entra object id (oid) within the tenant.</summary>
public sealed record User
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string ObjectId { get; init; }
    public required string Email { get; init; }
    public required string EmailNormalized { get; init; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A user as the admin console's People page shows them: when last seen, and with which app roles.</summary>
public sealed record Person
{
    public required Guid Id { get; init; }
    public required string ObjectId { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    /// <summary>Comma-separated app roles of the token last seen (see <c>LastSeen</c>).</summary>
    public string? LastRoles { get; init; }
}
