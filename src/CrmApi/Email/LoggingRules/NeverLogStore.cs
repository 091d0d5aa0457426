using Dapper;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.LoggingRules;

/// <summary>Never-log entries and the purge of what was already logged for them.</summary>
public sealed class NeverLogStore(Db db)
{
    public async Task<IReadOnlyList<Guid>> GetEmailsMatchingAsync(Guid accountId, NeverLogEntry entry, CancellationToken ct)
    {
        var isDomain = entry.Kind == NeverLogKinds.Domain;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(NeverLogSql.GetEmailsOfAddress, new
        {
            AccountId = accountId,
            Address = isDomain ? "" : entry.Value,
            AtDomain = isDomain ? $"%@{SqlLike.Escape(entry.Value)}" : "",
            DotDomain = isDomain ? $"%.{SqlLike.Escape(entry.Value)}" : "",
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>Adds the entry and deletes the emails it matches, in one transaction.</summary>
    public async Task CreateAndPurgeAsync(NeverLogEntry entry, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(NeverLogSql.Create, entry, transaction, cancellationToken: ct));
        await EmailStore.DeleteManyAsync(transaction, entry.AccountId, emailIds, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> DeleteAsync(Guid accountId, Guid userId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(NeverLogSql.Delete, new { AccountId = accountId, UserId = userId, Id = id }, cancellationToken: ct)) > 0;
    }

    public async Task<Guid?> GetUserIdByEmailAsync(Guid accountId, string normalizedEmail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            NeverLogSql.GetUserIdByEmail, new { AccountId = accountId, Email = normalizedEmail }, cancellationToken: ct));
    }

}
