using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>An account's body retention (privacy settings, <c>bodyRetentionDays</c>).</summary>
public sealed record AccountRetention
{
    public required Guid AccountId { get; init; }
    public required int Days { get; init; }
}

/// <summary>The accounts that keep email bodies for a while, and the purge of their older bodies a batch at a time.</summary>
public sealed class RetentionStore(Db db)
{
    public async Task<IReadOnlyList<AccountRetention>> GetAccountsWithRetentionAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AccountRetention>(new CommandDefinition(RetentionSql.AccountsWithRetention, cancellationToken: ct))).AsList();
    }

    /// <summary>Empties the bodies of at most <paramref name="batchSize"/> of the account's emails sent before <paramref name="before"/>; how many it emptied.</summary>
    public async Task<int> PurgeBodiesAsync(Guid accountId, DateTimeOffset before, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            RetentionSql.PurgeBodies.For(db.Provider), new { AccountId = accountId, Before = before, Now = now, BatchSize = batchSize }, cancellationToken: ct));
    }
}
