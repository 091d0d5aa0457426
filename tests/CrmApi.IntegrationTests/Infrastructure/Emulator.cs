using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>The Graph emulator's control API and Graph surface, as a test drives them.</summary>
public sealed class Emulator(CrmApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    /// <summary><paramref name="id"/>: the user's object id in Graph (a rep's oid, to find their own mailbox by it).</summary>
    public async Task<string> MailboxAsync(string? address = null, string? id = null)
    {
        address ??= $"rep{Guid.NewGuid():N}@contoso.example.com";
        var reply = await _http.PostAsJsonAsync("/_emulator/mailboxes", new { address, displayName = "Test Rep", id });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        return address;
    }

    public async Task<JsonElement> SendAsync(string from, object message)
    {
        var reply = await _http.PostAsJsonAsync($"/_emulator/mailboxes/{from}/send", message);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        return await reply.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> DeliverAsync(string to, object message)
    {
        var reply = await _http.PostAsJsonAsync($"/_emulator/mailboxes/{to}/deliver", message);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        return await reply.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A raw RFC 5322 message from outside (<c>deliver-mime</c>): the status and the answer's text, whatever they are.</summary>
    public async Task<(HttpStatusCode Status, string Text)> DeliverMimeAsync(string to, byte[] message)
    {
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var reply = await _http.PostAsync(new Uri($"/_emulator/mailboxes/{to}/deliver-mime", UriKind.Relative), content);
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }

    /// <summary>Any control route (<c>/_emulator/...</c>), asserting it answered <paramref name="expected"/>.</summary>
    public async Task ControlAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.NoContent)
    {
        using var reply = await _http.PostAsJsonAsync(path, body);
        Assert.True(reply.StatusCode == expected, $"{path}: {reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
    }

    public async Task FaultsAsync(object faults) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsJsonAsync("/_emulator/faults", faults)).StatusCode);

    public async Task LifecycleAsync(string subscriptionId, string lifecycleEvent) =>
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsJsonAsync($"/_emulator/subscriptions/{subscriptionId}/lifecycle", new { @event = lifecycleEvent })).StatusCode);

    public async Task ExpireDeltaAsync(string address) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsync(new Uri($"/_emulator/mailboxes/{address}/expire-delta", UriKind.Relative), null)).StatusCode);

    /// <summary>Expires the delta tokens, answered from now on with <paramref name="status"/> and <c>syncStateNotFound</c>.</summary>
    public async Task ExpireDeltaAsync(string address, int status) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsJsonAsync($"/_emulator/mailboxes/{address}/expire-delta", new { status })).StatusCode);

    public async Task<JsonElement> StatsAsync() => await _http.GetFromJsonAsync<JsonElement>("/_emulator/stats");

    /// <summary>Every subscription Graph holds, page after page (<c>subscriptionPageSize</c> may page the list).</summary>
    public async Task<List<JsonElement>> SubscriptionsAsync()
    {
        var all = new List<JsonElement>();
        for (Uri? next = new("/_emulator/graph/v1.0/subscriptions", UriKind.Relative); next is not null;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
            using var reply = await _http.SendAsync(request);
            var page = await reply.Content.ReadFromJsonAsync<JsonElement>();
            all.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!) : null;
        }
        return all;
    }

    /// <summary>
    /// Notifications the emulator is finished with: accepted by the webhook (a 2xx, which comes only once the batch is
    /// stored) or given up on after Graph's retry horizon. Either way it never sends them again.
    /// </summary>
    public static long Delivered(JsonElement stats) =>
        stats.GetProperty("notificationsSent").GetInt64() + stats.GetProperty("deliveriesAbandoned").GetInt64();

    /// <summary>Waits (bounded) until the condition holds; the pipeline is asynchronous by design.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        EventuallyAsync(condition, () => what, timeout);

    /// <summary>As above; <paramref name="what"/> is asked at the timeout, so it can say what was last seen.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting for: {what()}");
    }
}
