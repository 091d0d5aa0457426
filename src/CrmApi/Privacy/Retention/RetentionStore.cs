using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>An account's body retention (privacy settings, <c>bodyRetentionDays</c>).</summary>
public sealed record AccountRetention
{
    public required Guid AccountId { get; init; }
    public required int Days { get; init; }
}

/// <summary>The accounts that keep email bodies for a while (their privacy settings).</summary>
public sealed class RetentionStore(Db db)
{
    public async Task<IReadOnlyList<AccountRetention>> GetAccountsWithRetentionAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AccountRetention>(new CommandDefinition(RetentionSql.AccountsWithRetention, cancellationToken: ct))).AsList();
    }
}
