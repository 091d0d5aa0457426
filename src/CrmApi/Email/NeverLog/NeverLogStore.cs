using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.NeverLog;

/// <summary>Never-log entries, and the purges that took their matching emails off the timelines.</summary>
public sealed class NeverLogStore(Db db)
{
    /// <summary>
    /// The logged emails an entry matches. With <paramref name="ownerObjectId"/> (a personal entry) only those seen in
    /// that person's own mailbox and in nobody else's.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> GetEmailsMatchingAsync(Guid accountId, NeverLogEntry entry, string? ownerObjectId, CancellationToken ct)
    {
        var isDomain = entry.Kind == NeverLogKinds.Domain;
        await using var connection = await db.OpenAsync(ct);
        var sql = ownerObjectId is null ? NeverLogSql.GetEmailsOfAddress : NeverLogSql.GetEmailsOfAddressSeenOnlyByOwner;
        return (await connection.QueryAsync<Guid>(new CommandDefinition(sql, new
        {
            AccountId = accountId,
            Address = isDomain ? "" : entry.Value,
            AtDomain = isDomain ? $"%@{SqlLike.Escape(entry.Value)}" : "",
            DotDomain = isDomain ? $"%.{SqlLike.Escape(entry.Value)}" : "",
            OwnerObjectId = ownerObjectId,
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>Whether the entry would match a user of the account (a colleague's address or a domain users are at).</summary>
    /// <summary>A few of these emails, newest first, by subject and date.</summary>
    public Task<IReadOnlyList<PurgeSample>> GetSampleAsync(Guid accountId, IReadOnlyCollection<Guid> emailIds, int limit, CancellationToken ct) =>
        emailIds.Count == 0 ? Task.FromResult<IReadOnlyList<PurgeSample>>([])
        : db.ManyAsync<PurgeSample>(NeverLogSql.GetSample.For(db.Provider), new { AccountId = accountId, Ids = emailIds, Limit = limit }, ct);

    public async Task<bool> MatchesAUserAsync(Guid accountId, NeverLogEntry entry, CancellationToken ct)
    {
        var isDomain = entry.Kind == NeverLogKinds.Domain;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(NeverLogSql.CountUsersMatching, new
        {
            AccountId = accountId,
            Address = isDomain ? "" : entry.Value,
            AtDomain = isDomain ? $"%@{SqlLike.Escape(entry.Value)}" : "",
            DotDomain = isDomain ? $"%.{SqlLike.Escape(entry.Value)}" : "",
        }, cancellationToken: ct)) > 0;
    }

    public static async Task CreateAsync(DbTransaction transaction, NeverLogEntry entry, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(NeverLogSql.Create, entry, transaction, cancellationToken: ct));

    /// <summary>Records the purge and moves its emails aside, restorable until the purge's date.</summary>
    public static async Task PurgeAsync(DbTransaction transaction, NeverLogPurge purge, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(NeverLogSql.CreatePurge, purge, transaction, cancellationToken: ct));
        await EmailTrashStore.MoveOutAsync(transaction, purge.AccountId, purge.Id, emailIds, ct);
    }

    public async Task<NeverLogPurge?> GetOpenPurgeAsync(Guid accountId, Guid entryId, CancellationToken ct) =>
        await db.SingleAsync<NeverLogPurge>(NeverLogSql.GetOpenPurge, new { AccountId = accountId, NeverLogId = entryId }, ct);

    public async Task<NeverLogEntry?> GetAsync(Guid accountId, Guid id, CancellationToken ct) =>
        await db.SingleAsync<NeverLogEntry>(NeverLogSql.GetById, new { AccountId = accountId, Id = id }, ct);

    /// <summary>Brings the purge's emails back and removes its entry. The number of emails restored.</summary>
    public static async Task<int> RestoreAsync(DbTransaction transaction, NeverLogPurge purge, DateTimeOffset now, CancellationToken ct)
    {
        var restored = await EmailTrashStore.RestoreAsync(transaction, purge.AccountId, purge.Id, ct);
        var ids = new { purge.AccountId, Id = purge.NeverLogId };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(NeverLogSql.DeleteById, ids, transaction, cancellationToken: ct));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(NeverLogSql.MarkRestored, new { purge.AccountId, purge.Id, Now = now }, transaction, cancellationToken: ct));
        return restored;
    }

    public async Task<IReadOnlyList<NeverLogPurge>> GetExpiredPurgesAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        await db.ManyAsync<NeverLogPurge>(NeverLogSql.GetExpiredPurges.For(db.Provider), new { Now = now, Limit = limit }, ct);

    /// <summary>A purge past its 30 days: its emails go for good.</summary>
    public static async Task ExpireAsync(DbTransaction transaction, NeverLogPurge purge, CancellationToken ct)
    {
        await EmailTrashStore.DeletePurgeAsync(transaction, purge.AccountId, purge.Id, ct);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(NeverLogSql.DeletePurgeRow, new { purge.AccountId, purge.Id }, transaction, cancellationToken: ct));
    }

    /// <summary>Removes one of the user's own entries, or an account entry when <paramref name="mayRemoveAccountEntries"/> (an admin).</summary>
    public async Task<bool> DeleteAsync(Guid accountId, Guid userId, Guid id, bool mayRemoveAccountEntries, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            NeverLogSql.Delete, new { AccountId = accountId, UserId = userId, Id = id, MayRemoveAccountEntries = mayRemoveAccountEntries }, cancellationToken: ct)) > 0;
    }

    /// <summary>Whose personal list applies to a mailbox: its owner by object id; by address for one connected before owners were kept.</summary>
    public async Task<Guid?> GetOwnerUserIdAsync(Guid accountId, string? ownerObjectId, string mailboxAddress, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return ownerObjectId is not null
            ? await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(NeverLogSql.GetUserIdByObjectId, new { AccountId = accountId, ObjectId = ownerObjectId }, cancellationToken: ct))
            : await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(NeverLogSql.GetUserIdByEmail, new { AccountId = accountId, Email = mailboxAddress }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<NeverLogEntry>> GetNeverLogAsync(Guid accountId, Guid? userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<NeverLogEntry>(new CommandDefinition(
            NeverLogSql.GetNeverLog, new { AccountId = accountId, UserId = userId }, cancellationToken: ct))).AsList();
    }
}
