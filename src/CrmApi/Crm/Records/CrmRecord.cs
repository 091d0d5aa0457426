using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>
/// A CRM record of any object type. The fields the product relies on are typed columns (a company's domain, a
/// deal's stage, a ticket's status; a contact's addresses are rows of their own); everything else is a free property.
/// </summary>
public sealed record CrmRecord
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid ObjectTypeId { get; init; }
    /// <summary>Read from the joined object type; not a column of records.</summary>
    public string TypeName { get; init; } = "";
    public required string Name { get; init; }
    public Guid? OwnerUserId { get; init; }
    public string? Domain { get; init; }
    public string? Stage { get; init; }
    public string? Status { get; init; }
    /// <summary>The free properties as a JSON object.</summary>
    public required string Properties { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public RecordResponse ToResponse(IReadOnlyList<ContactEmail>? emails) => new(
        Id,
        TypeName,
        Name,
        OwnerUserId,
        JsonDocument.Parse(Properties).RootElement.Clone(),
        emails?.Select(email => new RecordEmailResponse(email.Address, email.IsPrimary)).ToList(),
        Domain,
        Stage,
        Status,
        CreatedAt,
        UpdatedAt);

    public RecordSummary ToSummary() => new(Id, TypeName, Name);
}

/// <summary>One address of a contact. Several contacts may share an address; one contact has one primary.</summary>
public sealed record ContactEmail
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid RecordId { get; init; }
    public required string Address { get; init; }
    public required string AddressNormalized { get; init; }
    public required bool IsPrimary { get; init; }
}

public sealed record RecordResponse(
    Guid Id,
    string Type,
    string Name,
    Guid? OwnerId,
    JsonElement Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RecordEmailResponse>? Emails,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record RecordEmailResponse(string Address, bool Primary);

/// <summary>A record as other records and emails refer to it.</summary>
public sealed record RecordSummary(Guid Id, string Type, string Name);

public sealed record RecordPage(IReadOnlyList<RecordResponse> Items, string? NextCursor);
