using System.Globalization;

namespace OutlookCrm.Bench;

/// <summary>
/// How lookup and the timeline grow with the data: a fresh server seeded with each size in turn (contacts, and emails
/// on one deal), the same calls timed over HTTP and directly, and the growth from the smallest to the largest size
/// named flat, sub-linear or linear.
/// </summary>
public static class GrowthBench
{
    private sealed record AtSize(int Rows, double LookupP50, double LookupDirectP50, double TimelineFirstP99, double TimelineDeepP99, double TimelineDirectP99);

    public static async Task<IReadOnlyList<Figure>> RunAsync(string repository, Scale scale)
    {
        var sizes = new List<AtSize>();
        foreach (var rows in scale.GrowthSizes)
        {
            await using var server = await ServerProcess.StartAsync(repository, ingestion: false);
            var (api, accountId, userId) = await server.SignInAsync("growth@bench.example.com");
            var seeder = new Seeder(server.DatabasePath, accountId, userId);
            var seeding = System.Diagnostics.Stopwatch.StartNew();
            seeder.Contacts(rows);
            var deal = seeder.DealWithEmails(rows);
            Console.WriteLine($"  growth: seeded {rows:N0} contacts and {rows:N0} emails in {seeding.Elapsed.TotalSeconds:F1} s");
            var (lookupHttp, lookupDirect) = await LookupBench.TimesAsync(api, server.DatabasePath, accountId, userId, rows, scale.Samples);
            var (firstHttp, firstDirect) = await TimelineBench.TimesAsync(api, server.DatabasePath, accountId, deal, 1, scale.Samples);
            var deepPage = rows / 50 / 2;
            var (deepHttp, _) = await TimelineBench.TimesAsync(api, server.DatabasePath, accountId, deal, deepPage, scale.Samples);
            sizes.Add(new AtSize(rows, Latency.Percentile(lookupHttp, 50), Latency.Percentile(lookupDirect, 50),
                Latency.Percentile(firstHttp, 99), Latency.Percentile(deepHttp, 99), Latency.Percentile(firstDirect, 99)));
        }

        var figures = new List<Figure>();
        foreach (var size in sizes)
        {
            var rows = Rows(size.Rows);
            figures.Add(new($"growth: lookup at {rows} contacts: p50 (direct SELECT {Ms(size.LookupDirectP50)})", size.LookupP50, "ms", Better.Lower, null, null));
            figures.Add(new($"growth: timeline at {rows} emails: page 1 p99 (direct {Ms(size.TimelineDirectP99)}), middle page p99 {Ms(size.TimelineDeepP99)}",
                size.TimelineFirstP99, "ms", Better.Lower, null, null));
        }
        var (smallest, largest) = (sizes[0], sizes[^1]);
        var factor = (double)largest.Rows / smallest.Rows;
        figures.Add(Growth("lookup p50", smallest.LookupP50, largest.LookupP50, smallest.Rows, largest.Rows));
        figures.Add(Growth("lookup's SELECT p50", smallest.LookupDirectP50, largest.LookupDirectP50, smallest.Rows, largest.Rows));
        figures.Add(Growth("timeline page 1 p99", smallest.TimelineFirstP99, largest.TimelineFirstP99, smallest.Rows, largest.Rows));
        figures.Add(Growth("timeline middle page p99", smallest.TimelineDeepP99, largest.TimelineDeepP99, smallest.Rows, largest.Rows));
        return figures;
    }

    /// <summary>
    /// The time at the largest size over the time at the smallest: flat up to 2× (an index's log n is hidden under the
    /// request's fixed cost), linear from a quarter of the rows' factor, sub-linear between.
    /// </summary>
    private static Figure Growth(string what, double smallest, double largest, int fromRows, int toRows)
    {
        var times = largest / smallest;
        var rowsFactor = (double)toRows / fromRows;
        var shape = times <= 2 ? "flat" : times >= rowsFactor / 4 ? "linear" : "sub-linear";
        return new Figure($"growth: {what} from {Rows(fromRows)} to {Rows(toRows)} rows ({rowsFactor:N0}×): {shape}", times, "×", Better.Lower, null, null);
    }

    private static string Rows(int rows) => rows >= 1_000_000 ? $"{rows / 1_000_000}M" : $"{rows / 1_000}k";

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.###} ms");
}
