using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Associations;

public sealed class AssociationStore(Db db) : IRecordReferences
{
    public async Task<IReadOnlyList<AssociatedRecord>> GetOfRecordAsync(Guid accountId, Guid recordId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<AssociatedRecord>(
            new CommandDefinition(AssociationSql.GetOfRecord, new { AccountId = accountId, RecordId = recordId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The contacts of each of the records, on a caller's connection (the send check reads everything on one).</summary>
    public static async Task<IReadOnlyList<RecordContact>> GetContactsOfRecordsAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<Guid> recordIds, CancellationToken ct) =>
        recordIds.Count == 0 ? [] : (await connection.QueryAsync<RecordContact>(new CommandDefinition(
            AssociationSql.GetContactsOfRecords,
            new { AccountId = accountId, RecordIds = recordIds, ContactType = BuiltinTypes.Contact },
            cancellationToken: ct))).AsList();

    public async Task<Guid?> GetIdOfPairAsync(Guid accountId, Guid fromRecordId, Guid toRecordId, string label, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            AssociationSql.GetIdOfPair,
            new { AccountId = accountId, FromRecordId = fromRecordId, ToRecordId = toRecordId, Label = label },
            cancellationToken: ct));
    }

    /// <summary>Stores the association from both ends in one transaction.</summary>
    public Task CreateAsync(AssociationRow row, CancellationToken ct) => db.InTransactionAsync(transaction => CreateAsync(transaction, [row], ct), ct);

    /// <summary>The same for several, inside a caller's transaction (records and their associations, all or nothing).</summary>
    public static async Task CreateAsync(DbTransaction transaction, IReadOnlyList<AssociationRow> rows, CancellationToken ct)
    {
        var bothEnds = rows.SelectMany(row => new[] { row, row with { FromRecordId = row.ToRecordId, ToRecordId = row.FromRecordId } }).ToList();
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(AssociationSql.Create, bothEnds, transaction, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        var deleted = await connection.ExecuteAsync(
            new CommandDefinition(AssociationSql.Delete, new { AccountId = accountId, Id = id }, cancellationToken: ct));
        return deleted > 0;
    }

    /// <summary>Both ends of every association of a deleted record.</summary>
    public async Task DeleteOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AssociationSql.DeleteAllOfRecord, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct));

    public async Task<RecordReferenceCount> CountOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        new("associations", await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            AssociationSql.CountOfRecord, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct)));
}
