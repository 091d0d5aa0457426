using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The migration path of a deployed tenant: a subscription made before clientStates were signed (its key id NULL, as
/// the migration leaves every existing row) is recreated by the keeper under the current key, in Graph too, and mail
/// flows through the new one. The keeper reconciles every second here (hours by default; always at start).
/// </summary>
public class ClientStateRekeyTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Ingestion:ReconcileInterval", "00:00:01")];
    }

    [Fact]
    public async Task SubscriptionNotSignedByTheCurrentKey_RecreatedSignedAndMailStillLogged()
    {
        await using var factory = new Factory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var oldGraphId = connected.SubscriptionOf("sentitems");
        var oldRow = await factory.SubscriptionRowIdAsync(oldGraphId);
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.ExecuteAsync("UPDATE graph_subscriptions SET client_state_key = NULL WHERE id = @Id", new { Id = oldRow.ToString("D").ToUpperInvariant() });
        var currentKey = factory.Services.GetRequiredService<ClientStates>().CurrentKeyId;

        await Emulator.EventuallyAsync(async () =>
            await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM graph_subscriptions WHERE mailbox_id = @Mailbox AND folder = 'sentitems' AND status = 'active' AND client_state_key = @Key AND id <> @Old",
                new { Mailbox = connected.MailboxId.ToString("D").ToUpperInvariant(), Key = currentKey, Old = oldRow.ToString("D").ToUpperInvariant() }) == 1,
            "the sent items subscription recreated under the current key", TimeSpan.FromSeconds(30));

        Assert.Equal("removed", await connection.ExecuteScalarAsync<string>("SELECT status FROM graph_subscriptions WHERE id = @Id", new { Id = oldRow.ToString("D").ToUpperInvariant() }));
        Assert.DoesNotContain(await connected.Emulator.SubscriptionsAsync(), subscription => subscription.GetProperty("id").GetString() == oldGraphId);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM graph_subscriptions WHERE status = 'active' AND client_state_key IS NULL"));
        await connected.IntentAsync("t-rekeyed", [contact]);
        await connected.SendAsync("t-rekeyed", "After the new key");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the email logged through the new subscription");
    }
}
