using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.GraphEmulator;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The emulator's request-rate windows, switched on through its control API, answer as Graph does past them: 429
/// <c>ApplicationThrottled</c> with Retry-After. A standalone emulator of its own, since the windows hold for every
/// caller of an emulator.
/// </summary>
public class EmulatorThrottlingTests
{
    [Fact]
    public async Task MailboxWindow_OverTheLimit_429WithRetryAfterOnlyForThatMailbox()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        await http.PostAsJsonAsync("/_emulator/mailboxes", new { address = "busy@window.example.com" }, ct);
        await http.PostAsJsonAsync("/_emulator/mailboxes", new { address = "quiet@window.example.com" }, ct);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/_emulator/throttling", new { mailboxRequests = 2, mailboxWindowSeconds = 60 }, ct)).StatusCode);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await GraphAsync(http, HttpMethod.Get, "/users/busy@window.example.com/messages/none", ct));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, (HttpStatusCode)429], answers.Select(answer => answer.StatusCode));
        Assert.InRange(int.Parse(answers[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("ApplicationThrottled", (await answers[2].Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetProperty("code").GetString());
        // Another mailbox has a window of its own.
        Assert.Equal(HttpStatusCode.NotFound, (await GraphAsync(http, HttpMethod.Get, "/users/quiet@window.example.com/messages/none", ct)).StatusCode);
        var counts = await http.GetFromJsonAsync<JsonElement>("/_emulator/throttling", ct);
        Assert.Equal(1, counts.GetProperty("refusedPerMailbox").GetProperty("busy@window.example.com").GetInt64());
    }

    [Fact]
    public async Task SubscriptionWrites_OverTheLimit_429UntilSwitchedOff()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/_emulator/throttling", new { subscriptionWrites = 2, subscriptionWindowSeconds = 20 }, ct)).StatusCode);

        var deletes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            deletes.Add((await GraphAsync(http, HttpMethod.Delete, $"/subscriptions/{Guid.NewGuid()}", ct)).StatusCode);
        }
        // Reads are not writes.
        var list = await GraphAsync(http, HttpMethod.Get, "/subscriptions", ct);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(new Uri("/_emulator/throttling", UriKind.Relative), ct)).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, (HttpStatusCode)429], deletes);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GraphAsync(http, HttpMethod.Delete, $"/subscriptions/{Guid.NewGuid()}", ct)).StatusCode);
    }

    private static async Task<ProcessHost> StartAsync()
    {
        var emulator = new ProcessHost(typeof(EmulatorHost).Assembly.Location, Path.GetTempPath(), new Dictionary<string, string>(), ProcessHost.FreePort());
        await emulator.StartAsync("/_emulator");
        return emulator;
    }

    private static async Task<HttpResponseMessage> GraphAsync(HttpClient http, HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, GraphEmulatorExtensions.GraphPath + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        return await http.SendAsync(request, ct);
    }
}
