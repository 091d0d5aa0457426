using System.Data.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>
/// Rows of another concept that point at a record (associations, an email's place on a timeline, a contact's legal
/// bases, a rep's address choices): they go when the record goes, inside the transaction that deletes it. Each concept
/// that keeps such rows answers for them, so the record store knows no other concept's tables.
/// </summary>
public interface IRecordReferences
{
    Task DeleteOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct);

    /// <summary>
    /// How many rows <see cref="DeleteOfRecordAsync"/> would delete, selected by the same condition, named by kind: what
    /// an erasure's preview shows before the admin confirms.
    /// </summary>
    Task<RecordReferenceCount> CountOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct);
}

public sealed record RecordReferenceCount(string Kind, int Count);
