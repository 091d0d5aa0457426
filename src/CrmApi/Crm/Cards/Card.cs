using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary>
/// What the pane shows of a record beside an email: who it is (title, companies, owner), what is open with it (deals,
/// open tickets) and when it was last emailed; its own primary address (a contact) or its contacts' (any other
/// record), which "Email" puts in To.
/// </summary>
public sealed record Card(
    Guid Id,
    string Type,
    string Name,
    string? Title,
    string? Email,
    CardOwner? Owner,
    IReadOnlyList<CardContact> Contacts,
    IReadOnlyList<RecordSummary> Companies,
    IReadOnlyList<CardDeal> Deals,
    IReadOnlyList<CardTicket> OpenTickets,
    CardActivity? LastActivity);

public sealed record CardOwner(Guid Id, string Name);

/// <summary>An associated contact and its primary address (null when it has none).</summary>
public sealed record CardContact(Guid Id, string Name, string? Email);

public sealed record CardDeal(Guid Id, string Name, string? Stage, bool Open);

public sealed record CardTicket(Guid Id, string Name, string? Status);

public sealed record CardActivity(Guid EmailId, string Title, DateTimeOffset At);

public sealed record CardList(IReadOnlyList<Card> Items);

// Rows read by Dapper through init properties, so the type handlers turn SQLite's TEXT into Guids and times.
internal sealed record CardRecordRow
{
    public required Guid Id { get; init; }
    public required string TypeName { get; init; }
    public required string Name { get; init; }
    public required string Properties { get; init; }
    public Guid? OwnerUserId { get; init; }
    public string? OwnerName { get; init; }
    public string? Email { get; init; }
}

internal sealed record CardRelatedRow
{
    public required Guid CardId { get; init; }
    public required Guid Id { get; init; }
    public required string TypeName { get; init; }
    public required string Name { get; init; }
    public string? Stage { get; init; }
    public string? Status { get; init; }
    public string? Email { get; init; }
}
