using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace OutlookCrm.Bench;

/// <summary>
/// Graph's change notifications posted to the webhook over loopback, in batches of 10 as Graph sends them: the most
/// notifications per second acknowledged, and the acknowledgement p99 at a steady 1,000 notifications per second;
/// each against the limit server (the same rows inserted by an endpoint that does nothing else), for one mailbox's
/// notifications and for four mailboxes' mixed.
/// </summary>
public static class IntakeBench
{
    private const int BatchSize = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(
        string serverUrl, string limitUrl, string databasePath, IReadOnlyList<(string SubscriptionId, string ClientState)> subscriptions, Scale scale)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var next = 0;
        var mailboxes = subscriptions.Count;
        HttpContent Batch(string phase)
        {
            var items = Enumerable.Range(0, BatchSize).Select(_ =>
            {
                var n = Interlocked.Increment(ref next);
                var (subscriptionId, clientState) = subscriptions[n % mailboxes];
                var messageId = $"AAMk-{phase}-{n}";
                return new { subscriptionId, clientState, changeType = "created", resource = $"Users/bench/Messages/{messageId}", resourceData = new { id = messageId } };
            });
            return new StringContent(JsonSerializer.Serialize(new { value = items }), Encoding.UTF8, "application/json");
        }
        async Task Post(string url, string phase) => (await http.PostAsync($"{url}/webhooks/graph", Batch(phase))).EnsureSuccessStatusCode();

        var figures = new List<Figure>();
        var steady = scale.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);
        var limitAcks = await Latency.ThroughputAsync(_ => Post(limitUrl, "limit-max"), 8, scale.ThroughputTime, 1_000_000) * BatchSize;
        var limitP99 = Latency.Percentile(await SteadyAsync(() => Post(limitUrl, "limit-steady"), steady), 99);
        foreach (var count in new[] { subscriptions.Count, 1 })
        {
            mailboxes = count;
            var label = count == 1 ? "1 mailbox" : $"{count} mailboxes";
            var serverAcks = await Latency.ThroughputAsync(_ => Post(serverUrl, $"max{count}"), 8, scale.ThroughputTime, 1_000_000) * BatchSize;
            figures.Add(new Figure($"webhook intake, {label}: acknowledged notifications", serverAcks, "per s", Better.Higher, 5_000, limitAcks));
            var serverP99 = Latency.Percentile(await SteadyAsync(() => Post(serverUrl, $"steady{count}"), steady), 99);
            figures.Add(new Figure($"webhook intake, {label}: ack p99 at 1,000 notifications/s", serverP99, "ms", Better.Lower, 50, limitP99));
        }
        // An acknowledgement must mean the notification is stored: every one sent is a row (both servers write the same table).
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        var stored = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM notification_inbox WHERE message_id LIKE 'AAMk-%'");
        Console.WriteLine($"  stored {stored:N0} of {next:N0} acknowledged notifications");
        if (stored != next)
        {
            throw new InvalidOperationException($"Only {stored} of {next} acknowledged notifications were stored.");
        }
        return figures;
    }

    /// <summary>Open loop: a batch every 10 ms whatever the answers, so slow answers cannot slow the offered load.</summary>
    private static async Task<double[]> SteadyAsync(Func<Task> post, TimeSpan duration)
    {
        var times = new List<double>();
        var pending = new List<Task>();
        var interval = TimeSpan.FromMilliseconds(10);
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0; Stopwatch.GetElapsedTime(started) < duration; sent++)
        {
            var due = interval * sent;
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            pending.Add(Timed());
        }
        await Task.WhenAll(pending);
        return [.. times];

        async Task Timed()
        {
            var begin = Stopwatch.GetTimestamp();
            await post();
            var ms = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            lock (times)
            {
                times.Add(ms);
            }
        }
    }
}
