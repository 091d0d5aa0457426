using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>Connect a mailbox, send with an intent, find the email on the timelines: through the real SDK and the emulator.</summary>
public class IngestionFlowTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Connect_CreatesTwoValidatedSubscriptionsInGraph()
    {
        var connected = await ConnectedRep.CreateAsync(factory);

        var folders = connected.Mailbox.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("folder").GetString()).Order();
        Assert.Equal(["inbox", "sentitems"], folders);
        var inGraph = (await connected.Emulator.SubscriptionsAsync()).Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.All(connected.GraphSubscriptionIds(), id => Assert.Contains(id, inGraph));
        var health = await connected.HealthAsync();
        Assert.All(health.GetProperty("subscriptions").EnumerateArray(), s => Assert.Equal("active", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task SendWithIntent_LoggedOnceOnEveryAssociatedRecord()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var deal = await connected.Rep.CreateAsync("deal", new { name = "200 seats" });
        await connected.IntentAsync("t-flow-1", [contact, deal]);

        await connected.SendAsync("t-flow-1", "200 seats");

        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal's timeline");
        var onContact = Assert.Single(await connected.TimelineAsync("contact", contact));
        Assert.Equal("Email - 200 seats", onContact.GetProperty("title").GetString());
        Assert.Equal("intent t-flow-1 (custom property)", onContact.GetProperty("loggedBecause").GetString());
        Assert.Equal("outgoing", onContact.GetProperty("direction").GetString());
        var intent = await connected.Rep.GetAsync("/api/log-intents/t-flow-1");
        Assert.Equal("logged", intent.Json.GetProperty("status").GetString());
        // The emulator is shared by every test here, so its counts are not this test's: the mailbox's own rows say it.
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 1);
        Assert.Single(await connected.TimelineAsync("contact", contact));
        Assert.Equal(1, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }

    [Fact]
    public async Task TrackingIdOnlyInTheHeader_FoundInTheRawMime()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan" });
        await connected.IntentAsync("t-header-only", [contact], composeType: "forward");

        await connected.SendAsync("t-header-only", "FW: Pricing", customProperty: false);

        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the forward on the timeline");
        var item = Assert.Single(await connected.TimelineAsync("contact", contact));
        Assert.Equal("intent t-header-only (MIME header)", item.GetProperty("loggedBecause").GetString());
        Assert.Equal("forward", item.GetProperty("kind").GetString());
        Assert.StartsWith("Email - Fwd", item.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntentSaysDoNotLog_OrNoIntent_NothingLogged()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan" });
        await connected.IntentAsync("t-private", [contact], log: false);

        await connected.SendAsync("t-private", "Private");
        await connected.SendAsync("t-unknown", "No intent");

        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("done").GetInt64() == 2, "both messages processed");
        Assert.Empty(await connected.TimelineAsync("contact", contact));
        Assert.Equal(0, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }
}
