using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookCrm.Bench;

/// <summary>
/// Connecting a mailbox as full as a real one (issue 18: 20,000 old items): the time until <c>POST /api/mailboxes</c>
/// answers, against the limit of the Graph calls a connection cannot do without (the Inbox probe and the two validated
/// subscriptions, made straight against the emulator); then, as context, how long the first sync takes in the background.
/// </summary>
public static class ConnectBench
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(string serverUrl, string graphUrl, HttpClient api, Scale scale)
    {
        var items = scale.Quick ? 5_000 : 20_000;
        using var emulator = new HttpClient { BaseAddress = new Uri(graphUrl) };
        var address = $"full{Guid.NewGuid():N}@connect.bench.example.com";
        (await emulator.PostAsJsonAsync("/_emulator/mailboxes", new { address, displayName = "Full mailbox" })).EnsureSuccessStatusCode();
        (await emulator.PostAsJsonAsync($"/_emulator/mailboxes/{address}/prefill", new { count = items, days = 365 })).EnsureSuccessStatusCode();

        var limit = await LimitAsync(emulator, serverUrl, address);
        var clock = Stopwatch.StartNew();
        var connected = await api.PostAsJsonAsync("/api/mailboxes", new { address, kind = "team" });
        var answered = clock.Elapsed.TotalMilliseconds;
        connected.EnsureSuccessStatusCode();
        var id = (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        while (true)
        {
            var health = await api.GetFromJsonAsync<JsonElement>($"/api/mailboxes/{id}/health");
            if (health.GetProperty("sync").EnumerateArray().All(sync => sync.GetProperty("status").GetString() is "done" or "dead"))
            {
                break;
            }
            await Task.Delay(100);
        }
        var synced = clock.Elapsed.TotalSeconds;
        return
        [
            new Figure($"connect a mailbox of {items:N0} old items: answered", answered, "ms", Better.Lower, 2_000, limit),
            new Figure($"connect a mailbox of {items:N0} old items: first sync done in the background", synced, "s", Better.Lower, null, null),
        ];
    }

    /// <summary>The Inbox probe and two subscriptions (validated by the server's webhook), then deleted: a connection's floor.</summary>
    private static async Task<double> LimitAsync(HttpClient emulator, string serverUrl, string address)
    {
        emulator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        var clock = Stopwatch.StartNew();
        (await emulator.GetAsync($"/_emulator/graph/v1.0/users/{address}/mailFolders/inbox?$select=id")).EnsureSuccessStatusCode();
        var ids = new List<string>();
        foreach (var folder in new[] { "inbox", "sentitems" })
        {
            var created = await emulator.PostAsJsonAsync("/_emulator/graph/v1.0/subscriptions", new
            {
                changeType = "created",
                notificationUrl = $"{serverUrl}/webhooks/graph",
                resource = $"users/{address}/mailFolders('{folder}')/messages",
                expirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
                clientState = "bench",
            });
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        var elapsed = clock.Elapsed.TotalMilliseconds;
        foreach (var id in ids)
        {
            await emulator.DeleteAsync($"/_emulator/graph/v1.0/subscriptions/{id}");
        }
        emulator.DefaultRequestHeaders.Authorization = null;
        return elapsed;
    }
}
