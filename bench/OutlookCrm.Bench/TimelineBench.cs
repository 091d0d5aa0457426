using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.Bench;

/// <summary>
/// A timeline page of 50 on a deal with many emails, at page 1 and deep pages (reached with the cursor the API gives
/// out), over HTTP; the limit is the same keyset SELECT run directly.
/// </summary>
public static class TimelineBench
{
    private const int PageSize = 50;

    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, string databasePath, Guid accountId, Guid dealId, Scale scale)
    {
        var figures = new List<Figure>();
        foreach (var page in scale.TimelinePages)
        {
            var (httpTimes, directTimes) = await TimesAsync(api, databasePath, accountId, dealId, page, scale.Samples);
            figures.Add(new Figure($"timeline page {page} (50 a page), {scale.TimelineEmails / 1000}k emails: p99", Latency.Percentile(httpTimes, 99), "ms", Better.Lower, 10,
                Latency.Percentile(directTimes, 99)));
        }
        return figures;
    }

    /// <summary>Page <paramref name="page"/> over HTTP and its keyset SELECT directly, <paramref name="samples"/> each (milliseconds).</summary>
    public static async Task<(double[] Http, double[] Direct)> TimesAsync(HttpClient api, string databasePath, Guid accountId, Guid dealId, int page, int samples)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var account = accountId.ToString("D").ToUpperInvariant();
        var deal = dealId.ToString("D").ToUpperInvariant();
        // The last row of the page before: what the cursor of page N names.
        (string SentAt, string EmailId)? after = page == 1 ? null : await connection.QuerySingleAsync<(string, string)>(
            "SELECT sent_at, email_id FROM email_associations WHERE account_id = @Account AND record_id = @Deal ORDER BY sent_at DESC, email_id DESC LIMIT 1 OFFSET @Skip",
            new { Account = account, Deal = deal, Skip = ((page - 1) * PageSize) - 1 });
        var cursor = after is { } last
            ? new Cursor(DateTimeOffset.Parse(last.SentAt, System.Globalization.CultureInfo.InvariantCulture).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.Parse(last.EmailId))
                .Encode(EmailReader.TimelineScope(dealId))
            : null;
        var path = $"/api/records/deal/{dealId}/timeline?limit={PageSize}" + (cursor is null ? "" : $"&cursor={cursor}");
        var httpTimes = await Latency.SequentialAsync(async _ => (await api.GetAsync(path)).EnsureSuccessStatusCode(), 20, samples);
        var sql = after is null ? EmailSql.TimelineFirstPage.For(DatabaseProvider.Sqlite) : EmailSql.TimelineNextPage.For(DatabaseProvider.Sqlite);
        var parameters = new { AccountId = account, RecordId = deal, AfterSentAt = after?.SentAt, AfterEmailId = after?.EmailId, Limit = PageSize };
        return (httpTimes, await Latency.SequentialAsync(async _ => (await connection.QueryAsync(sql, parameters)).AsList(), 20, samples));
    }
}
