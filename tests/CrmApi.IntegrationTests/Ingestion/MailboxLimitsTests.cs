using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// Outlook's limits per app and mailbox (4 concurrent requests, 10,000 requests per 10 minutes) hold for the app as a
/// whole: two API processes on one database, against one standalone emulator, share them.
/// </summary>
public class MailboxLimitsTests
{
    /// <summary>
    /// A burst while every Graph call takes 40 ms (as real ones take longer still): each instance has the work to keep 4
    /// requests in flight, so only the shared slots keep the two together at 4.
    /// </summary>
    [Fact]
    public async Task TwoInstancesOneMailbox_Burst_NeverMoreThanFourConcurrentRequestsEveryMessageLogged()
    {
        const int messages = 160;
        var ct = TestContext.Current.CancellationToken;
        await using var deployment = await StandaloneDeployment.StartAsync(ct, instances: 2);
        await deployment.IntentsAsync("t-gate", 0, messages, ct);
        await ThrottlingAsync(deployment, new { latencyMs = 40 }, ct);

        for (var i = 0; i < messages; i++)
        {
            await deployment.SendAsync("t-gate", i, ct);
        }

        await deployment.AssertLoggedOnceAsync(messages);
        var stats = await deployment.Control.GetFromJsonAsync<JsonElement>("/_emulator/stats", ct);
        var peak = stats.GetProperty("maxConcurrentRequestsPerMailbox").GetProperty(StandaloneDeployment.Address).GetInt32();
        Assert.InRange(peak, 1, 4);
        Assert.Equal(0, stats.GetProperty("throttled").GetInt64());
    }

    /// <summary>
    /// Graph's window made small (36 requests per 3 s) and the API's budget set under it: far more requests than one
    /// window allows are needed, and none is refused, because the workers put rows off until the budget opens again.
    /// </summary>
    [Fact]
    public async Task TwoInstancesOneMailbox_SmallRequestWindow_NoRequestRefusedEveryMessageLogged()
    {
        const int messages = 60;
        var ct = TestContext.Current.CancellationToken;
        await using var deployment = await StandaloneDeployment.StartAsync(ct, instances: 2, new Dictionary<string, string>
        {
            ["Ingestion__RequestBudgetPerMailbox"] = "30",
            ["Ingestion__RequestBudgetWindow"] = "00:00:03",
        });
        await deployment.IntentsAsync("t-budget", 0, messages, ct);
        await ThrottlingAsync(deployment, new { mailboxRequests = 36, mailboxWindowSeconds = 3 }, ct);

        for (var i = 0; i < messages; i++)
        {
            await deployment.SendAsync("t-budget", i, ct);
        }

        await deployment.AssertLoggedOnceAsync(messages);
        var windows = await deployment.Control.GetFromJsonAsync<JsonElement>("/_emulator/throttling", ct);
        Assert.True(windows.GetProperty("requestsPerMailbox").GetProperty(StandaloneDeployment.Address).GetInt64() > 36, "more than a window's worth");
        Assert.False(windows.GetProperty("refusedPerMailbox").TryGetProperty(StandaloneDeployment.Address, out _), "a request was refused (429)");
        Assert.Equal(0, (await deployment.Control.GetFromJsonAsync<JsonElement>("/_emulator/stats", ct)).GetProperty("throttled").GetInt64());
    }

    private static async Task ThrottlingAsync(StandaloneDeployment deployment, object settings, CancellationToken ct) =>
        Assert.Equal(HttpStatusCode.OK, (await deployment.Control.PostAsJsonAsync("/_emulator/throttling", settings, ct)).StatusCode);
}
