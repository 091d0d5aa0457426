using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The API down longer than its subscriptions live: Graph lets them run out and stops notifying, mail keeps coming.
/// Back up, the API finds them gone, creates them again and catches up through delta: every message logged once.
/// </summary>
public class DowntimeTests
{
    private const int Before = 40;
    private const int During = 40;

    [Fact]
    public async Task Subscriptions_expired_while_the_API_was_down_are_recreated_and_the_mail_of_the_gap_is_logged_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var deployment = await StandaloneDeployment.StartAsync(ct);
        await deployment.IntentsAsync("t-down", 0, Before + During, ct);
        for (var i = 0; i < Before; i++)
        {
            await deployment.SendAsync("t-down", i, ct);
        }
        await deployment.AssertLoggedOnceAsync(Before);

        Assert.Equal(0, await deployment.Api.StopAsync(TimeSpan.FromSeconds(30)));
        List<string> subscriptions;
        await using (var connection = new SqliteConnection($"Data Source={deployment.Database}"))
        {
            subscriptions = (await connection.QueryAsync<string>("SELECT graph_subscription_id FROM graph_subscriptions WHERE status = 'active'")).AsList();
            // Our side, days later: past the expiry it recorded.
            await connection.ExecuteAsync("UPDATE graph_subscriptions SET expires_at = @Past",
                new { Past = DateTimeOffset.UtcNow.AddHours(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) });
        }
        Assert.Equal(2, subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            Assert.True((await deployment.Control.PostAsync($"/_emulator/subscriptions/{subscription}/expire", null, ct)).IsSuccessStatusCode);
        }
        // No subscription watches the mailbox now, and the emulator decides whether a message raises a notification as it
        // stores it: once a send has returned there is nothing to wait for. The gap's mail is found by the catch-up alone.
        for (var i = Before; i < Before + During; i++)
        {
            await deployment.SendAsync("t-down", i, ct);
        }
        var stats = await deployment.Control.GetStringAsync("/_emulator/stats", ct);

        await deployment.Api.StartAsync("/health");

        await deployment.AssertLoggedOnceAsync(Before + During, notifications: Before);
        var renewed = await deployment.CountAsync("SELECT COUNT(*) FROM graph_subscriptions WHERE status = 'active' AND expires_at > @Now AND graph_subscription_id NOT IN @Old",
            new { Now = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), Old = subscriptions });
        Assert.True(renewed == 2, $"{renewed} subscriptions were created again (emulator: {stats})");
    }
}
