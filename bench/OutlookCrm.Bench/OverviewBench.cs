using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.Bench;

/// <summary>
/// The admin console's overview (issue 19) with 100 mailboxes and 1 M logged emails: <c>GET /api/admin/overview</c>
/// over HTTP, against the read pane's first-screen budget (p95 ≤ 300 ms); the limit is the same six reads run
/// directly on the file, without HTTP, the state rules or JSON.
/// </summary>
public static class OverviewBench
{
    public const int Mailboxes = 100;

    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, string databasePath, Guid accountId, int emails, Scale scale)
    {
        var samples = Math.Min(scale.Samples, 300);
        var http = await Latency.SequentialAsync(async _ => (await api.GetAsync("/api/admin/overview")).EnsureSuccessStatusCode(), 10, samples);
        var direct = await DirectAsync(databasePath, accountId, samples);
        var scope = $"{Mailboxes} mailboxes, {emails / 1000:N0}k emails";
        return
        [
            new Figure($"admin overview, {scope}: p50", Latency.Percentile(http, 50), "ms", Better.Lower, null, Latency.Percentile(direct, 50)),
            new Figure($"admin overview, {scope}: p95", Latency.Percentile(http, 95), "ms", Better.Lower, 300, Latency.Percentile(direct, 95)),
        ];
    }

    /// <summary>The overview's reads as the API runs them, on a connection opened for each call (milliseconds).</summary>
    private static async Task<double[]> DirectAsync(string databasePath, Guid accountId, int samples)
    {
        var account = accountId.ToString("D").ToUpperInvariant();
        var fromHour = UtcHours.Of(DateTimeOffset.UtcNow) - 167;
        return await Latency.SequentialAsync(async _ =>
        {
            await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
            await connection.OpenAsync();
            (await connection.QueryAsync(MailboxSql.GetManyOfAccount, new { AccountId = account })).AsList();
            (await connection.QueryAsync(FlowCounterSql.GetOfAccountSince, new { AccountId = account, FromHour = fromHour })).AsList();
            (await connection.QueryAsync(SubscriptionSql.GetSubscriptionsOfAccount, new { AccountId = account })).AsList();
            (await connection.QueryAsync(InboxSql.CountOpenOfAccount, new { AccountId = account })).AsList();
            (await connection.QueryAsync(InboxSql.ErrorsOfAccount, new { AccountId = account })).AsList();
            (await connection.QueryAsync(JobSql.GetActiveWalksOfAccount, new { AccountId = account, Kinds = JobKinds.Walks })).AsList();
        }, 10, samples);
    }
}
