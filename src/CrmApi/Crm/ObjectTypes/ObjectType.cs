namespace OutlookCrm.CrmApi.Crm.ObjectTypes;

/// <summary>A kind of CRM record: the four built in (contact, company, deal, ticket) or one the account defined.</summary>
public sealed record ObjectType
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required string PluralLabel { get; init; }
    public required bool IsBuiltin { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public ObjectTypeResponse ToResponse() => new(Name, Label, PluralLabel, IsBuiltin);
}

public sealed record ObjectTypeResponse(string Name, string Label, string PluralLabel, bool Builtin);

/// <summary>The names the product gives meaning to; their typed fields live on the record row.</summary>
public static class BuiltinTypes
{
    public const string Contact = "contact";
    public const string Company = "company";
    public const string Deal = "deal";
    public const string Ticket = "ticket";

    public static readonly IReadOnlyList<(string Name, string Label, string PluralLabel)> All =
    [
        (Contact, "Contact", "Contacts"),
        (Company, "Company", "Companies"),
        (Deal, "Deal", "Deals"),
        (Ticket, "Ticket", "Tickets"),
    ];

    public static bool IsBuiltin(string name) => All.Any(type => type.Name == name);
}
