using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.Bench;

/// <summary>
/// Sent mail logged end to end, through the server's own Graph emulator: send (stamped with the pane's tracking id,
/// whose intent is registered beforehand) → change notification → webhook → worker → Graph GET → email on the
/// timeline, Graph being the emulator in a process of its own. Four reps' mailboxes, as Graph allows each mailbox only
/// 4 concurrent requests. Messages per second sustained over a burst of 88,000 sent as fast as the emulator takes them
/// (the limit: the same email rows inserted directly in batches); the lag from send to logged (the server's own logged
/// time, on the same clock) at a steady half of the target rate, as a backlog would otherwise be measured rather than
/// the pipeline; then the server's working set once 100,000 emails went this way, and what 10,000 more add to it.
/// </summary>
public static class EndToEndBench
{
    private const int Mailboxes = 4;
    private const int Senders = 8;
    private static readonly string[] Recipients = ["megan@fabrikam.example.com"];

    public static async Task<IReadOnlyList<Figure>> RunAsync(ServerProcess server, string graphUrl, HttpClient api, Seeder seeder, Scale scale, double limitEmailsPerSecond)
    {
        var emulator = new HttpClient { BaseAddress = new Uri(graphUrl) };
        var reps = Enumerable.Range(0, Mailboxes).Select(i => $"rep{i}@e2e.bench.example.com").ToArray();
        foreach (var rep in reps)
        {
            (await emulator.PostAsJsonAsync("/_emulator/mailboxes", new { address = rep, displayName = rep })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/api/mailboxes", new { address = rep, kind = "personal" })).EnsureSuccessStatusCode();
        }
        var contact = (await (await api.PostAsJsonAsync("/api/records/contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.example.com", primary = true } } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var more = scale.Quick ? 1_000 : 10_000;
        var total = scale.Quick ? 5_000 : 100_000;
        const int PacedRate = 500;
        var paced = scale.Quick ? 1_000 : 5_000;
        var warmUp = more / 5;
        var round = new Round(emulator, seeder, server.DatabasePath, reps, contact);
        // A first round warms the server up (code compiled, caches and pools filled).
        await round.RunAsync("warm", warmUp, perSecond: null);
        var steady = await round.RunAsync("paced", paced, PacedRate);
        var burst = await round.RunAsync("burst", total - warmUp - paced, perSecond: null);
        var atTotal = server.WorkingSetMegabytes();
        await round.RunAsync("more", more, perSecond: null);
        var growth = server.WorkingSetMegabytes() - atTotal;
        return
        [
            new($"end to end (send → logged), 4 mailboxes, {total - warmUp - paced:N0} at once: messages", burst.PerSecond, "per s", Better.Higher, 1_000, limitEmailsPerSecond),
            new($"end to end (send → logged): lag p99 at {PacedRate} messages/s", steady.LagP99, "ms", Better.Lower, null, null),
            new($"server working set after {total:N0} logged through Graph", atTotal, "MB", Better.Lower, null, null),
            new($"server working set growth per {more:N0} more", growth, "MB", Better.Lower, null, null),
        ];
    }

    private sealed class Round(HttpClient emulator, Seeder seeder, string databasePath, string[] reps, Guid contact)
    {
        /// <summary>Sends <paramref name="messages"/>, at <paramref name="perSecond"/> or as fast as they are taken, and waits until all are logged.</summary>
        public async Task<(double PerSecond, double LagP99)> RunAsync(string name, int messages, int? perSecond)
        {
            var prefix = $"t-e2e-{name}-";
            seeder.Intents(Enumerable.Range(0, messages).Select(i => $"{prefix}{i:D6}"), contact);
            var sentAt = new DateTimeOffset[messages];
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < messages)
                {
                    if (perSecond is { } rate && TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait);
                    }
                    var trackingId = $"{prefix}{i:D6}";
                    sentAt[i] = DateTimeOffset.UtcNow;
                    (await emulator.PostAsJsonAsync($"/_emulator/mailboxes/{reps[i % reps.Length]}/send", new
                    {
                        to = Recipients,
                        subject = $"Benchmark {name} {i}",
                        bodyHtml = "<p>Hello Megan, here is the proposal.</p>",
                        customProperties = new Dictionary<string, string> { ["trackingId"] = trackingId },
                        internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = trackingId },
                    })).EnsureSuccessStatusCode();
                }
            }));
            var sending = clock.Elapsed.TotalSeconds;

            // The intent's email_id is set in the transaction that logs the email: counted until all are there.
            await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
            await connection.OpenAsync();
            var range = new { From = prefix, To = $"{prefix}~" };
            var deadline = TimeSpan.FromSeconds(60 + (messages / 100));
            long logged;
            while ((logged = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM log_intents WHERE tracking_id > @From AND tracking_id < @To AND email_id IS NOT NULL", range)) < messages)
            {
                if (clock.Elapsed > deadline)
                {
                    throw new InvalidOperationException($"Only {logged} of {messages} sent messages were logged within {deadline.TotalSeconds:F0} s.");
                }
                await Task.Delay(100);
            }
            var loggedAt = (await connection.QueryAsync<(string TrackingId, DateTimeOffset CreatedAt)>("""
                SELECT l.tracking_id, e.created_at
                FROM log_intents l
                JOIN emails e ON e.id = l.email_id
                WHERE l.tracking_id > @From AND l.tracking_id < @To
                """, range)).ToList();
            var last = loggedAt.Max(row => row.CreatedAt);
            var elapsed = (last - started).TotalSeconds;
            var lags = loggedAt.Select(row => (row.CreatedAt - sentAt[int.Parse(row.TrackingId[prefix.Length..], CultureInfo.InvariantCulture)]).TotalMilliseconds).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {name}: {messages:N0} sent in {sending:F1} s, all logged {elapsed:F1} s after the first send"));
            return (messages / elapsed, Latency.Percentile(lags, 99));
        }
    }
}
