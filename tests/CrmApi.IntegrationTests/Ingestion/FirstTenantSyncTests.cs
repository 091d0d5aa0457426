using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// What a real tenant does that the emulator did not model before (issue 18): a paged subscription list, and delta
/// expiry answered with 400 <c>syncStateNotFound</c>. Each test has an API and emulator of its own (faults are global).
/// </summary>
public class FirstTenantSyncTests
{
    [Fact]
    public async Task ThreeHundredMailboxes_SixHundredSubscriptionsOnSeveralPages_ARestartedKeeperRecreatesNone()
    {
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        var emulator = new Emulator(factory);
        // Graph's page size is undocumented; 100 makes the acceptance's 600 subscriptions six pages.
        await emulator.FaultsAsync(new { subscriptionPageSize = 100 });
        var admin = await CrmClient.SignInAsync(factory);
        var mailboxes = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            var connected = await admin.PostAsync("/api/mailboxes", new { address = await emulator.MailboxAsync(), kind = "team" });
            Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
            mailboxes.Add(connected.Json.GetProperty("id").GetGuid());
        }
        var before = (await emulator.SubscriptionsAsync()).Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(600, before.Count);

        // A keeper as a restarted instance starts: it reconciles at once, and runs the jobs that reconcile queued.
        var keeper = ActivatorUtilities.CreateInstance<SubscriptionKeeper>(factory.Services);
        await keeper.RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await JobsAsync(factory, "kind = 'recreate'"));
        Assert.Equal(before, (await emulator.SubscriptionsAsync()).Select(s => s.GetProperty("id").GetString()).ToHashSet());
        foreach (var id in mailboxes.Take(10))
        {
            Assert.All((await admin.GetAsync($"/api/mailboxes/{id}/health")).Json.GetProperty("subscriptions").EnumerateArray(),
                s => Assert.Contains(s.GetProperty("graphSubscriptionId").GetString(), before));
        }
    }

    [Fact]
    public async Task DeltaExpiryAnswered400SyncStateNotFound_Resynced_NothingDeadLettered()
    {
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        await connected.IntentAsync("t-expired-400", [contact]);
        await connected.Emulator.FaultsAsync(new { dropRate = 1.0 });
        await connected.SendAsync("t-expired-400", "Its notification is dropped");
        await connected.Emulator.FaultsAsync(new { dropRate = 0.0 });
        await connected.Emulator.ExpireDeltaAsync(connected.Address, (int)HttpStatusCode.BadRequest);

        await connected.Emulator.LifecycleAsync(connected.SubscriptionOf("sentitems"), "missed");

        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 1, "the email of the gap logged", TimeSpan.FromSeconds(30));
        // The expiry was a resync, not a failure: no job failed or died on it, no message dead-lettered.
        Assert.Equal(0, await JobsAsync(factory, "(last_error IS NOT NULL OR status = 'dead')"));
        Assert.Equal(0, (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64());
    }

    private static async Task<long> JobsAsync(CrmApiFactory factory, string condition)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM mailbox_jobs WHERE {condition}");
    }
}
