namespace OutlookCrm.CrmApi.Crm.Lookup;

public sealed record ContactMatchRow
{
    public required string AddressNormalized { get; init; }
    public required Guid ContactId { get; init; }
    public required string Name { get; init; }
    public Guid? OwnerUserId { get; init; }
}

public sealed record CompanyOfContactRow
{
    public required Guid ContactId { get; init; }
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Domain { get; init; }
}

public sealed record LookupResponse(IReadOnlyList<AddressMatches> Results);

/// <summary>One asked address and every contact that has it (empty when none does).</summary>
public sealed record AddressMatches(string Email, IReadOnlyList<MatchedContact> Contacts)
{
    /// <summary>The contact the caller picked for this address when several share it (PUT /api/address-choices).</summary>
    public Guid? ChosenContactId { get; init; }
}

public sealed record MatchedContact(Guid Id, string Name, Guid? OwnerId, string? PrimaryEmail, IReadOnlyList<string> Emails, IReadOnlyList<ContactCompany> Companies);

public sealed record ContactCompany(Guid Id, string Name, string? Domain);
