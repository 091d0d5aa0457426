using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>
/// Purges the bodies of logged emails sent longer ago than their account's retention (privacy settings,
/// <c>bodyRetentionDays</c>): body and preview emptied, the time recorded; the email stays on the timelines.
/// </summary>
public sealed class RetentionPurge(Db db, RetentionOptions options, TimeProvider clock)
{
    private sealed record AccountRetention
    {
        public required Guid AccountId { get; init; }
        public required int Days { get; init; }
    }

    /// <summary>How many bodies were purged, over every account with a retention.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        List<AccountRetention> accounts;
        await using (var connection = await db.OpenAsync(ct))
        {
            accounts = (await connection.QueryAsync<AccountRetention>(new CommandDefinition(RetentionSql.AccountsWithRetention, cancellationToken: ct))).AsList();
        }
        var purged = 0;
        foreach (var account in accounts)
        {
            var now = clock.GetUtcNow();
            var parameters = new { account.AccountId, Before = now.AddDays(-account.Days), Now = now, options.BatchSize };
            int batch;
            do
            {
                await using var connection = await db.OpenForWriteAsync(ct);
                batch = await connection.ExecuteAsync(new CommandDefinition(RetentionSql.PurgeBodies.For(db.Provider), parameters, cancellationToken: ct));
                purged += batch;
            }
            while (batch == options.BatchSize);
        }
        return purged;
    }
}
