using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary>What the account audit is filtered by; every filter optional, <c>To</c> exclusive.</summary>
public sealed record AccountAuditFilter(string? Action, Guid? ActorUserId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>The account audit's rows: appended (alone, or in the transaction of the action they record) and paged.</summary>
public sealed class AccountAuditStore(Db db)
{
    public static async Task AppendAsync(DbTransaction transaction, AccountAuditEntry entry, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(AccountAuditSql.Append, entry, transaction, cancellationToken: ct));

    public async Task AppendAsync(AccountAuditEntry entry, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountAuditSql.Append, entry, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<AccountAuditEntry>> PageAsync(
        Guid accountId, AccountAuditFilter filter, DateTimeOffset? afterAt, Guid afterId, int limit, CancellationToken ct)
    {
        var sql = filter.ActorUserId is not null ? AccountAuditSql.PageOfActor : filter.Action is not null ? AccountAuditSql.PageOfAction : AccountAuditSql.Page;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AccountAuditEntry>(new CommandDefinition(sql.For(db.Provider), new
        {
            AccountId = accountId,
            filter.Action,
            filter.ActorUserId,
            filter.From,
            filter.To,
            AfterAt = afterAt,
            AfterId = afterId,
            Limit = limit,
        }, cancellationToken: ct))).AsList();
    }
}
