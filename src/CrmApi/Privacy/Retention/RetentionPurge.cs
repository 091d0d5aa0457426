namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>
/// Purges the bodies of logged emails sent longer ago than their account's retention (privacy settings,
/// <c>bodyRetentionDays</c>): body and preview emptied, the time recorded; the email stays on the timelines.
/// </summary>
public sealed class RetentionPurge(RetentionStore store, IBodyPurge bodies, RetentionOptions options, TimeProvider clock)
{
    /// <summary>How many bodies were purged, over every account with a retention.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var accounts = await store.GetAccountsWithRetentionAsync(ct);
        var purged = 0;
        foreach (var account in accounts)
        {
            var now = clock.GetUtcNow();
            int batch;
            // Each batch on a write connection of its own, so the purge never holds the writer long.
            do
            {
                batch = await bodies.PurgeBodiesAsync(account.AccountId, now.AddDays(-account.Days), now, options.BatchSize, ct);
                purged += batch;
            }
            while (batch == options.BatchSize);
        }
        return purged;
    }
}
