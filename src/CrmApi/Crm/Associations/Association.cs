using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.CrmApi.Crm.Associations;

/// <summary>One direction of an association row; each association is stored from both ends with the same id.</summary>
public sealed record AssociationRow
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid FromRecordId { get; init; }
    public required Guid ToRecordId { get; init; }
    /// <summary>Empty when the association has no label (so the primary key can include it on both engines).</summary>
    public required string Label { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A contact associated with a record.</summary>
public sealed record RecordContact
{
    public required Guid RecordId { get; init; }
    public required Guid ContactId { get; init; }
}

/// <summary>An associated record as seen from the other end.</summary>
public sealed record AssociatedRecord
{
    public required Guid Id { get; init; }
    public required string Label { get; init; }
    public required Guid RecordId { get; init; }
    public required string RecordType { get; init; }
    public required string RecordName { get; init; }

    public AssociatedRecordResponse ToResponse() =>
        new(Id, Label.Length == 0 ? null : Label, new RecordSummary(RecordId, RecordType, RecordName));
}

public sealed record AssociatedRecordResponse(Guid Id, string? Label, RecordSummary Record);

public sealed record AssociationList(IReadOnlyList<AssociatedRecordResponse> Items);

public sealed record AssociationResponse(Guid Id, Guid FromId, Guid ToId, string? Label, RecordSummary From, RecordSummary To);
