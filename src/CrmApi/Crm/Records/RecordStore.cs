using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>Records and contact addresses. Every statement is filtered by the caller's account.</summary>
public sealed class RecordStore(Db db, IEnumerable<IRecordReferences> references)
{
    public async Task<CrmRecord?> GetByIdAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CrmRecord>(
            new CommandDefinition(RecordSql.GetById, new { AccountId = accountId, Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CrmRecord>> GetManyByIdsAsync(Guid accountId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return await GetManyByIdsAsync(connection, accountId, ids, ct);
    }

    /// <summary>The same on a caller's connection (the send check reads everything it needs on one).</summary>
    public static async Task<IReadOnlyList<CrmRecord>> GetManyByIdsAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await connection.QueryAsync<CrmRecord>(
            new CommandDefinition(RecordSql.GetManyByIds, new { AccountId = accountId, Ids = ids }, cancellationToken: ct))).AsList();

    /// <summary>A page of one type's records by <see cref="RecordSql"/>'s search rule, or all of them without a query.</summary>
    public async Task<IReadOnlyList<CrmRecord>> SearchAsync(Guid accountId, Guid objectTypeId, string? query, (string Name, Guid Id)? after, int limit, CancellationToken ct)
    {
        var (contains, startsWith) = SearchPatterns(query);
        await using var connection = await db.OpenAsync(ct);
        var records = await connection.QueryAsync<CrmRecord>(new CommandDefinition(
            RecordSql.Search.For(db.Provider),
            new
            {
                AccountId = accountId,
                ObjectTypeId = objectTypeId,
                Contains = contains,
                StartsWith = startsWith,
                AfterName = after?.Name,
                AfterId = after?.Id,
                Limit = limit,
            },
            cancellationToken: ct));
        return records.AsList();
    }

    /// <summary>The first records of every type by the same rule (GET /api/search).</summary>
    public async Task<IReadOnlyList<RecordSummary>> SearchEveryTypeAsync(Guid accountId, string query, int limit, CancellationToken ct)
    {
        var (contains, startsWith) = SearchPatterns(query);
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QueryAsync<RecordSummary>(new CommandDefinition(
            RecordSql.SearchEveryType.For(db.Provider),
            new { AccountId = accountId, Contains = contains, StartsWith = startsWith, Limit = limit },
            cancellationToken: ct));
        return found.AsList();
    }

    /// <summary>
    /// The text anywhere in a name, at the start of an address or a domain, its LIKE wildcards taken literally; no
    /// patterns (every record) without a text. Addresses and domains are stored normalised, so the text is normalised as
    /// they are: lower-cased, and müller@xn--bcher-kva.de or xn--bcher-kva.de finds what is stored as bücher.de.
    /// </summary>
    private static (string? Contains, string? StartsWith) SearchPatterns(string? query)
    {
        if (query is null)
        {
            return (null, null);
        }
        var normalized = query.Contains('@', StringComparison.Ordinal) ? EmailAddresses.Normalize(query) : Domains.Normalize(query);
        return ($"%{SqlLike.Escape(query)}%", $"{SqlLike.Escape(normalized)}%");
    }

    public async Task<ILookup<Guid, ContactEmail>> GetEmailsAsync(Guid accountId, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        if (recordIds.Count == 0)
        {
            return Array.Empty<ContactEmail>().ToLookup(email => email.RecordId);
        }
        await using var connection = await db.OpenAsync(ct);
        return await GetEmailsAsync(connection, null, accountId, recordIds, ct);
    }

    /// <summary>The same on a caller's connection, and transaction when there is one (lookup, erasure).</summary>
    public static async Task<ILookup<Guid, ContactEmail>> GetEmailsAsync(DbConnection connection, DbTransaction? transaction, Guid accountId, IReadOnlyCollection<Guid> recordIds, CancellationToken ct) =>
        recordIds.Count == 0 ? Array.Empty<ContactEmail>().ToLookup(email => email.RecordId)
        : (await connection.QueryAsync<ContactEmail>(new CommandDefinition(
            RecordSql.GetEmails, new { AccountId = accountId, RecordIds = recordIds }, transaction, cancellationToken: ct))).ToLookup(email => email.RecordId);

    /// <summary>The record and its addresses appear together or not at all.</summary>
    public Task CreateAsync(CrmRecord record, IReadOnlyList<ContactEmail> emails, CancellationToken ct) =>
        db.InTransactionAsync(transaction => CreateAsync(transaction, record, emails, ct), ct);

    /// <summary>A new record with its addresses, inside a caller's transaction (several records and their associations).</summary>
    public static async Task CreateAsync(DbTransaction transaction, CrmRecord record, IReadOnlyList<ContactEmail> emails, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(RecordSql.Create, record, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordSql.CreateEmail, emails, transaction, cancellationToken: ct));
    }

    /// <summary>Saves the record; when <paramref name="emails"/> is given it replaces the contact's addresses.</summary>
    public async Task UpdateAsync(CrmRecord record, IReadOnlyList<ContactEmail>? emails, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql.Update, record, transaction, cancellationToken: ct));
        if (emails is not null)
        {
            var owner = new { record.AccountId, RecordId = record.Id };
            await connection.ExecuteAsync(new CommandDefinition(RecordSql.DeleteEmails, owner, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(RecordSql.CreateEmail, emails, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Removes the record with its addresses and every row of other concepts that points at it.</summary>
    public async Task<bool> DeleteAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        var deleted = false;
        await db.InTransactionAsync(async transaction => deleted = await DeleteAsync(transaction, accountId, id, ct), ct);
        return deleted;
    }

    /// <summary>What <see cref="DeleteAsync(DbTransaction, Guid, Guid, CancellationToken)"/> would take of other concepts' rows, by kind.</summary>
    public async Task<IReadOnlyList<RecordReferenceCount>> CountReferencesAsync(DbTransaction transaction, Guid accountId, Guid id, CancellationToken ct)
    {
        var counts = new List<RecordReferenceCount>();
        foreach (var reference in references)
        {
            counts.Add(await reference.CountOfRecordAsync(transaction, accountId, id, ct));
        }
        return counts;
    }

    /// <summary>The same, inside a larger transaction (erasure).</summary>
    public async Task<bool> DeleteAsync(DbTransaction transaction, Guid accountId, Guid id, CancellationToken ct)
    {
        foreach (var reference in references)
        {
            await reference.DeleteOfRecordAsync(transaction, accountId, id, ct);
        }
        var owner = new { AccountId = accountId, RecordId = id };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(RecordSql.DeleteEmails, owner, transaction, cancellationToken: ct));
        var deleted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(RecordSql.Delete, new { AccountId = accountId, Id = id }, transaction, cancellationToken: ct));
        return deleted == 1;
    }
}
