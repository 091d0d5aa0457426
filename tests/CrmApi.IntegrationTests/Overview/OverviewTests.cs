using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Overview;

/// <summary>
/// <c>GET /api/admin/overview</c> against the real emulator: counts per hour, and the red/amber/green state with its
/// reason and fix as mail flows, Graph fails and recovers, subscriptions go and messages die. Each test has an API and
/// emulator of its own, because the faults it injects are global to the emulator.
/// </summary>
public class OverviewTests
{
    private static async Task<(CrmApiFactory Factory, ConnectedRep Connected, Guid Contact)> StartAsync(params (string Key, string Value)[] settings)
    {
        var factory = new SettingsFactory(settings);
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        return (factory, connected, contact);
    }

    private static async Task SendAsync(ConnectedRep connected, Guid contact, string trackingId)
    {
        await connected.IntentAsync(trackingId, [contact]);
        await connected.SendAsync(trackingId, $"Overview {trackingId}");
    }

    [Fact]
    public async Task MessagesFlow_CountedPerHour_Green_CountersGoWithTheMailbox()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.FirstSyncDoneAsync();

        for (var i = 0; i < 3; i++)
        {
            await SendAsync(connected, contact, $"t-flow-{i}");
        }

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).GetProperty("emailsLoggedLast24Hours").GetInt64() == 3, "three emails counted");
        var overview = await connected.Rep.OverviewAsync();
        var flow = overview.GetProperty("mailboxes").EnumerateArray().Single();
        Assert.Equal("green", flow.State());
        Assert.Equal("Mail is flowing.", flow.GetProperty("reason").GetString());
        Assert.Equal(168, flow.GetProperty("notifications").GetArrayLength());
        Assert.Equal(168, overview.GetProperty("hourCount").GetInt32());
        Assert.Equal(3, flow.GetProperty("notifications").Sum());
        Assert.Equal(3, flow.GetProperty("emailsLogged").Sum());
        Assert.Equal(3, flow.GetProperty("notificationsLast24Hours").GetInt64());
        Assert.Equal(0, flow.GetProperty("backlog").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, flow.GetProperty("lagP95LastHourSeconds").ValueKind);
        Assert.All(flow.GetProperty("subscriptions").EnumerateArray(), subscription => Assert.Equal("live", subscription.GetProperty("status").GetString()));
        var totals = overview.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("emailsLogged").Sum());
        Assert.Equal(1, totals.GetProperty("states").GetProperty("green").GetInt32());
        Assert.True(await factory.CountRowsAsync("mail_flow_hours", connected.Rep.AccountId) >= 1);

        Assert.Equal(HttpStatusCode.OK, (await connected.Rep.DeleteAsync($"/api/mailboxes/{connected.MailboxId}")).Status);

        Assert.Equal(0, await factory.CountRowsAsync("mail_flow_hours", connected.Rep.AccountId));
        Assert.Empty((await connected.Rep.OverviewAsync()).GetProperty("mailboxes").EnumerateArray());
    }

    [Fact]
    public async Task GraphThrottles_AmberWithTheReason_ThenGreenOnceMessagesGoThrough()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        await connected.FirstSyncDoneAsync();
        await connected.Emulator.FaultsAsync(new { throttleNext = 100_000, retryAfterSeconds = 1 });

        await SendAsync(connected, contact, "t-throttled");

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).State() == "amber", "the mailbox turned amber");
        var amber = await connected.FlowAsync();
        Assert.Contains("slow down", amber.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("retries are automatic", amber.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, amber.GetProperty("retrying").GetInt64());
        Assert.Contains("slow down", amber.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        await connected.Emulator.FaultsAsync(new { throttleNext = 0 });

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).State() == "green", "the mailbox back to green");
        var green = await connected.FlowAsync();
        Assert.Equal(1, green.GetProperty("emailsLoggedLast24Hours").GetInt64());
        Assert.Equal(JsonValueKind.Null, green.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Null, green.GetProperty("fix").ValueKind);
    }

    [Fact]
    public async Task SubscriptionRemovedAndNotYetRecreated_RedWithTheFix()
    {
        // The keeper's next round (which would recreate it) an hour away: the mailbox stays without its Inbox subscription.
        var (factory, connected, _) = await StartAsync(("Ingestion:KeeperInterval", "01:00:00"));
        await using var __ = factory;

        await connected.Emulator.LifecycleAsync(connected.SubscriptionOf("inbox"), "subscriptionRemoved");

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).State() == "red", "the mailbox turned red");
        var red = await connected.FlowAsync();
        Assert.Equal("Inbox has no live subscription: Microsoft 365 is not telling us about new mail there.", red.GetProperty("reason").GetString());
        Assert.Contains("doctor", red.GetProperty("fix").GetString(), StringComparison.Ordinal);
        var inbox = red.GetProperty("subscriptions").EnumerateArray().Single(subscription => subscription.GetProperty("folder").GetString() == "inbox");
        Assert.Equal("missing", inbox.GetProperty("status").GetString());
        Assert.Equal(1, red.GetProperty("subscriptionsExpiringSoon").GetInt32());
        Assert.Equal(1, (await connected.Rep.OverviewAsync()).GetProperty("totals").GetProperty("states").GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task PoisonMessage_DeadLetterCounted_RedUntilRetried()
    {
        var (factory, connected, contact) = await StartAsync(("Ingestion:MaxAttempts", "1"));
        await using var _ = factory;
        await connected.FirstSyncDoneAsync();
        await connected.Emulator.FaultsAsync(new { poisonSubject = "POISON" });

        await connected.IntentAsync("t-poison", [contact]);
        await connected.SendAsync("t-poison", "POISON pill");

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).GetProperty("deadLetters").GetInt64() == 1, "one dead letter");
        var red = await connected.FlowAsync();
        Assert.Equal("red", red.State());
        Assert.StartsWith("1 message(s) failed too often", red.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("(500)", red.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await connected.Rep.OverviewAsync()).GetProperty("totals").GetProperty("deadLetters").GetInt64());

        await connected.Emulator.FaultsAsync(new { poisonSubject = "" });
        await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/dead-letters/retry", new { });

        await Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).State() == "green", "green once the dead letter went through");
    }

    [Fact]
    public async Task Rep_Forbidden()
    {
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        var rep = await CrmClient.SignInAsync(factory, roles: ["Crm.User"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/admin/overview")).Status);
    }

    [Fact]
    public async Task TwoAccounts_EachSeesOnlyItsOwnMailboxes()
    {
        var (factory, ours, _) = await StartAsync();
        await using var __ = factory;
        var theirs = await ConnectedRep.CreateAsync(factory);
        Assert.NotEqual(ours.Rep.AccountId, theirs.Rep.AccountId);
        await theirs.FirstSyncDoneAsync();
        var theirContact = await theirs.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });

        await SendAsync(theirs, theirContact, "t-theirs");
        await Emulator.EventuallyAsync(async () => (await theirs.FlowAsync()).GetProperty("emailsLoggedLast24Hours").GetInt64() == 1, "their email counted");

        var overview = await ours.Rep.OverviewAsync();
        var only = Assert.Single(overview.GetProperty("mailboxes").EnumerateArray());
        Assert.Equal(ours.MailboxId, only.GetProperty("id").GetGuid());
        Assert.Equal(0, overview.GetProperty("totals").GetProperty("emailsLogged").Sum());
        Assert.Equal(0, overview.GetProperty("totals").GetProperty("notifications").Sum());
    }
}
