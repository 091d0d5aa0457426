using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// Nothing lost, nothing twice, whatever Graph does. Each test has an API and emulator of its own, because the faults
/// it injects are global to the emulator.
/// </summary>
public class IngestionFaultTests
{
    private sealed class RenewingFactory : CrmApiFactory
    {
        // Every subscription is "near expiry" at once, so the keeper renews it on its next round.
        protected override IEnumerable<(string Key, string Value)> Settings => [("Graph:RenewBeforeMinutes", "20000")];
    }

    private static async Task<(CrmApiFactory Factory, ConnectedRep Connected, Guid Contact)> StartAsync(CrmApiFactory? factory = null)
    {
        factory ??= new CrmApiFactory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        return (factory, connected, contact);
    }

    private static async Task SendManyAsync(ConnectedRep connected, Guid contact, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await connected.IntentAsync($"{prefix}-{i}", [contact]);
            await connected.SendAsync($"{prefix}-{i}", $"Message {i}");
        }
    }

    private static Task WaitForEmailsAsync(CrmApiFactory factory, ConnectedRep connected, int count, int seconds = 30) =>
        Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) >= count, $"{count} emails logged", TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Every message decided and Graph finished with every notification the test caused (this API has the emulator to
    /// itself, so its counts are this test's): only then is "exactly once" a final answer (see <see cref="Settled"/>).
    /// </summary>
    private static Task WaitUntilSettledAsync(CrmApiFactory factory, ConnectedRep connected, int messages, long notifications, int seconds = 60) =>
        Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages,
            async () => Emulator.Delivered(await connected.Emulator.StatsAsync()) >= notifications, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task EveryNotificationDuplicatedAndReordered_EachEmailLoggedOnce()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.Emulator.FaultsAsync(new { duplicate = true, reorder = true });

        await SendManyAsync(connected, contact, "t-dup", 40);

        // Each message notified twice: settled once all 80 notifications were taken in, duplicates included.
        await WaitUntilSettledAsync(factory, connected, messages: 40, notifications: 80);
        Assert.Equal(40, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
        Assert.Equal(40, await factory.CountRowsAsync("email_associations", connected.Rep.AccountId));
        Assert.Equal(40, await factory.CountRowsAsync("message_outcomes", connected.Rep.AccountId));
        Assert.True((await connected.Emulator.StatsAsync()).GetProperty("notificationsSent").GetInt64() >= 80);
    }

    [Fact]
    public async Task ThousandMessagesTenPercentDropped_ThenMissed_AllLoggedOnce()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.Emulator.FaultsAsync(new { dropRate = 0.1 });

        await SendManyAsync(connected, contact, "t-drop", 1000);
        var stats = await connected.Emulator.StatsAsync();
        var dropped = stats.GetProperty("notificationsDropped").GetInt64();
        Assert.InRange(dropped, 50, 200);
        await WaitForEmailsAsync(factory, connected, (int)(1000 - dropped), 60);
        await connected.Emulator.FaultsAsync(new { dropRate = 0.0 });
        await connected.Emulator.LifecycleAsync(connected.SubscriptionOf("sentitems"), "missed");

        // The notifications that were not dropped, and the "missed" lifecycle notification; the catch-up finds the rest.
        await WaitUntilSettledAsync(factory, connected, messages: 1000, notifications: 1000 - dropped + 1, seconds: 90);
        Assert.Equal(1000, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }

    [Fact]
    public async Task ThrottleStorm_EverythingLogged_NeverMoreThanFourConcurrentRequestsPerMailbox()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.Emulator.FaultsAsync(new { throttleNext = 25, unavailableNext = 10, retryAfterSeconds = 1 });

        await SendManyAsync(connected, contact, "t-storm", 30);

        // Settled, not merely "30 emails seen": a row retried after a throttle must not log its message a second time.
        await WaitUntilSettledAsync(factory, connected, messages: 30, notifications: 30);
        var stats = await connected.Emulator.StatsAsync();
        Assert.True(stats.GetProperty("throttled").GetInt64() >= 35);
        Assert.InRange(stats.GetProperty("maxConcurrentRequestsPerMailbox").GetProperty(connected.Address).GetInt32(), 1, 4);
        Assert.False(stats.GetProperty("requestsIgnoringRetryAfter").TryGetProperty(connected.Address, out var ignored), $"{ignored} requests ignored Retry-After");
        Assert.Equal(30, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }

    [Fact]
    public async Task SubscriptionRemoved_RecreatedAndCaughtUp()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        var old = connected.SubscriptionOf("sentitems");
        await connected.IntentAsync("t-gap", [contact]);

        await connected.Emulator.LifecycleAsync(old, "subscriptionRemoved");
        await connected.SendAsync("t-gap", "Sent while the subscription was gone");

        await WaitForEmailsAsync(factory, connected, 1);
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("subscriptions").EnumerateArray()
            .Any(s => s.GetProperty("folder").GetString() == "sentitems" && s.GetProperty("graphSubscriptionId").GetString() != old), "a new sentitems subscription");
        Assert.DoesNotContain((await connected.Emulator.SubscriptionsAsync()), s => s.GetProperty("id").GetString() == old);
        await connected.IntentAsync("t-after", [contact]);
        await connected.SendAsync("t-after", "After the recreate");
        await WaitForEmailsAsync(factory, connected, 2);
    }

    [Fact]
    public async Task ExpiredDeltaLink_FullResync()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.IntentAsync("t-lost", [contact]);
        await connected.Emulator.FaultsAsync(new { dropRate = 1.0 });
        await connected.SendAsync("t-lost", "Its notification is dropped");
        await connected.Emulator.FaultsAsync(new { dropRate = 0.0 });
        await connected.Emulator.ExpireDeltaAsync(connected.Address);

        await connected.Emulator.LifecycleAsync(connected.SubscriptionOf("sentitems"), "missed");

        await WaitForEmailsAsync(factory, connected, 1);
    }

    [Fact]
    public async Task NearExpiry_Renewed()
    {
        var (factory, connected, _) = await StartAsync(new RenewingFactory());
        await using var __ = factory;

        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("subscriptions").EnumerateArray()
            .All(s => s.GetProperty("renewedAt").ValueKind == System.Text.Json.JsonValueKind.String), "both subscriptions renewed");
        var graphExpiries = (await connected.Emulator.SubscriptionsAsync()).Where(s => connected.GraphSubscriptionIds().Contains(s.GetProperty("id").GetString()))
            .Select(s => s.GetProperty("expirationDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(2, graphExpiries.Count);
        Assert.All(graphExpiries, expiry => Assert.True(expiry > DateTimeOffset.UtcNow.AddDays(6)));
    }
}
