using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Audit;

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

    public async Task<IReadOnlyList<AccountAuditEntry>> PageAsync(Guid accountId, DateTimeOffset? afterAt, Guid afterId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AccountAuditEntry>(new CommandDefinition(AccountAuditSql.Page.For(db.Provider),
            new { AccountId = accountId, AfterAt = afterAt, AfterId = afterId, Limit = limit }, cancellationToken: ct))).AsList();
    }
}
