using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>Dead letters, replay, the periodic delta sweep and reconciliation: how sync repairs itself and is repaired.</summary>
public class IngestionRepairTests
{
    private static async Task<(CrmApiFactory Factory, ConnectedRep Connected, Guid Contact)> StartAsync(params (string Key, string Value)[] settings)
    {
        var factory = new SettingsFactory(settings);
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan" });
        return (factory, connected, contact);
    }

    [Fact]
    public async Task PoisonMessage_DeadLetteredVisibleAndRetryable_TheRestFlows()
    {
        var (factory, connected, contact) = await StartAsync(("Ingestion:MaxAttempts", "3"));
        await using var _ = factory;
        await connected.Emulator.FaultsAsync(new { poisonSubject = "POISON" });
        await connected.IntentAsync("t-poison", [contact]);
        await connected.IntentAsync("t-fine", [contact]);

        await connected.SendAsync("t-poison", "POISON pill");
        await connected.SendAsync("t-fine", "Fine");

        // Either may come first: the fine message is claimed beside the poison one or after its last attempt.
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64() == 1, "one dead letter");
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 1, "the fine message logged");
        var health = await connected.HealthAsync();
        Assert.Contains("500", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var dead = Assert.Single((await connected.Rep.GetAsync($"/api/mailboxes/{connected.MailboxId}/dead-letters")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());

        await connected.Emulator.FaultsAsync(new { poisonSubject = "" });
        var retried = await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/dead-letters/retry", new { });

        Assert.Equal(1, retried.Json.GetProperty("rows").GetInt32());
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 2, "the poison message logged after the retry");
    }

    [Fact]
    public async Task Reprocess_ReplaysThePeriod_NothingLoggedTwice()
    {
        var (factory, connected, contact) = await StartAsync();
        await using var _ = factory;
        for (var i = 0; i < 3; i++)
        {
            await connected.IntentAsync($"t-replay-{i}", [contact]);
            await connected.SendAsync($"t-replay-{i}", $"Replay {i}");
        }
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 3, "three emails");

        var replay = await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2020-01-01T00:00:00Z", new { });

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(3, replay.Json.GetProperty("rows").GetInt32());
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("backlog").GetInt64() == 0, "the replay drained");
        Assert.Equal(3, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
        (await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess", new { })).AssertProblem(HttpStatusCode.BadRequest, "since");

        // A period: only what arrived inside it is replayed; an end before the start names the field.
        var before = await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2020-01-01T00:00:00Z&until=2021-01-01T00:00:00Z", new { });
        Assert.Equal(0, before.Json.GetProperty("rows").GetInt32());
        var around = await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2020-01-01T00:00:00Z&until={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}", new { });
        Assert.Equal(3, around.Json.GetProperty("rows").GetInt32());
        (await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2021-01-01T00:00:00Z&until=2020-01-01T00:00:00Z", new { }))
            .AssertProblem(HttpStatusCode.BadRequest, "until");
    }

    [Fact]
    public async Task EveryNotificationDropped_ThePeriodicDeltaSweepStillLogs()
    {
        var (factory, connected, contact) = await StartAsync(("Ingestion:DeltaSweepInterval", "00:00:01"));
        await using var _ = factory;
        await connected.Emulator.FaultsAsync(new { dropRate = 1.0 });
        await connected.IntentAsync("t-swept", [contact]);

        await connected.SendAsync("t-swept", "Only the sweep sees me");

        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 1, "the swept email");
    }

    [Fact]
    public async Task SubscriptionGoneFromGraphWithoutNotice_ReconcileRecreatesIt()
    {
        var (factory, connected, _) = await StartAsync(("Ingestion:ReconcileInterval", "00:00:01"));
        await using var __ = factory;
        var old = connected.SubscriptionOf("inbox");

        await factory.Services.GetRequiredService<IGraphMailFactory>().ForTenant("any").DeleteSubscriptionAsync(old, TestContext.Current.CancellationToken);

        // The mailbox's subscriptions are Graph's again: both of ours are in Graph's list, and the lost one is not ours.
        await Emulator.EventuallyAsync(async () =>
        {
            var inGraph = (await connected.Emulator.SubscriptionsAsync()).Select(s => s.GetProperty("id").GetString()).ToHashSet();
            var ours = (await connected.HealthAsync()).GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("graphSubscriptionId").GetString()).ToList();
            return ours.Count == 2 && ours.All(inGraph.Contains) && !ours.Contains(old);
        }, "the inbox subscription recreated");
    }

    [Fact]
    public async Task GraphEmulator_RefusesTheSdkWithoutItsToken()
    {
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        using var stranger = new GraphMailFactory(new GraphOptions { BaseUrl = "http://localhost/_emulator/graph/v1.0" },
            _ => new StaticTokenProvider("not-the-token"), "http://localhost", factory.Server.CreateHandler());

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => stranger.ForTenant("t").ListSubscriptionsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(401, error.ResponseStatusCode);
    }
}
