using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.Bench;

/// <summary>
/// Sent mail logged end to end, through the server's own Graph emulator: send (with the pane's intent and stamp) →
/// change notification → webhook → worker → Graph GET → email on the timeline. Messages per second and the lag from
/// send to logged; the limit is the same email rows inserted directly in batches. Then the server's working set, and
/// what a second round of the same size adds to it.
/// </summary>
public static class EndToEndBench
{
    private static readonly string[] Recipients = ["megan@fabrikam.example.com"];

    public static async Task<IReadOnlyList<Figure>> RunAsync(ServerProcess server, HttpClient api, Scale scale, double limitEmailsPerSecond)
    {
        var emulator = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        const string rep = "rep@e2e.bench.example.com";
        (await emulator.PostAsJsonAsync("/_emulator/mailboxes", new { address = rep, displayName = "E2E Rep" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/mailboxes", new { address = rep, kind = "personal" })).EnsureSuccessStatusCode();
        var contact = (await (await api.PostAsJsonAsync("/api/records/contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.example.com", primary = true } } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var messages = scale.Quick ? 500 : 5_000;
        var first = await RoundAsync(api, emulator, server.DatabasePath, rep, contact, "a", messages);
        var afterFirst = server.WorkingSetMegabytes();
        await RoundAsync(api, emulator, server.DatabasePath, rep, contact, "b", messages);
        var afterSecond = server.WorkingSetMegabytes();
        return
        [
            new("end to end (send → logged): messages", first.PerSecond, "per s", Better.Higher, 1_000, limitEmailsPerSecond),
            new("end to end (send → logged): lag p99", first.LagP99, "ms", Better.Lower, null, null),
            new($"server working set after {messages * 2:N0} logged through Graph (and 100k seeded)", afterSecond, "MB", Better.Lower, null, null),
            new($"server working set growth per {messages:N0} more", afterSecond - afterFirst, "MB", Better.Lower, null, null),
        ];
    }

    private static async Task<(double PerSecond, double LagP99)> RoundAsync(HttpClient api, HttpClient emulator, string databasePath, string rep, Guid contact, string round, int messages)
    {
        var sentAt = new ConcurrentDictionary<string, long>();
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var trackingId = $"t-e2e-{round}-{i}";
                (await api.PutAsJsonAsync($"/api/log-intents/{trackingId}", new { log = true, associations = new[] { contact } })).EnsureSuccessStatusCode();
                sentAt[trackingId] = Stopwatch.GetTimestamp();
                (await emulator.PostAsJsonAsync($"/_emulator/mailboxes/{rep}/send", new
                {
                    to = Recipients,
                    subject = $"Benchmark {round} {i}",
                    bodyHtml = "<p>Hello Megan, here is the proposal.</p>",
                    customProperties = new Dictionary<string, string> { ["trackingId"] = trackingId },
                    internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = trackingId },
                })).EnsureSuccessStatusCode();
            }
        }));

        // Logged emails carry their intent's tracking id in loggedBecause; when each appeared is read as it appears.
        var loggedAt = new Dictionary<string, long>();
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        while (loggedAt.Count < messages && Stopwatch.GetTimestamp() < deadline)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var because in await connection.QueryAsync<string>("SELECT logged_because FROM emails WHERE logged_because LIKE @Prefix", new { Prefix = $"intent t-e2e-{round}-%" }))
            {
                var trackingId = because.Split(' ')[1];
                loggedAt.TryAdd(trackingId, now);
            }
            await Task.Delay(20);
        }
        if (loggedAt.Count < messages)
        {
            throw new InvalidOperationException($"Only {loggedAt.Count} of {messages} sent messages were logged within two minutes.");
        }
        var elapsed = Stopwatch.GetElapsedTime(started, loggedAt.Values.Max()).TotalSeconds;
        var lags = loggedAt.Select(entry => Stopwatch.GetElapsedTime(sentAt[entry.Key], entry.Value).TotalMilliseconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: {messages:N0} sent and logged in {elapsed:F1} s"));
        return (messages / elapsed, Latency.Percentile(lags, 99));
    }
}
