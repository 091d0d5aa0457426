using System.Net;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The anonymous webhook under a forged flood: thousands of items with made-up clientStates, some naming our real
/// subscriptions, while a rep's genuine mail flows through the emulator. A host of its own, so its counters are this
/// test's alone.
/// </summary>
public class ForgedFloodTests
{
    private const int Batches = 5;
    private const int ItemsPerBatch = 1_000;
    private const int GenuineMessages = 30;

    [Fact]
    public async Task ForgedFlood_NoDatabaseReadPerItem_InboxUnchanged_GenuineMailAllLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var subscriptions = connected.GraphSubscriptionIds().ToList();
        var rowIds = new List<Guid>();
        foreach (var subscription in subscriptions)
        {
            rowIds.Add(await factory.SubscriptionRowIdAsync(subscription));
        }
        var genuineState = factory.ClientStateOf(rowIds[0]);
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var (forgedBefore, readsBefore) = (counters.Forged, counters.SubscriptionReads);
        using var http = factory.CreateClient();

        // The forged batches go in between the rep's sends, while the emulator delivers the genuine notifications.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < GenuineMessages; i++)
        {
            await connected.IntentAsync($"t-flood-{i}", [contact]);
            await connected.SendAsync($"t-flood-{i}", $"Message {i}");
            if (i % (GenuineMessages / Batches) == 0)
            {
                using var answer = await http.PostAsync(new Uri("/webhooks/graph", UriKind.Relative),
                    new StringContent(ForgedBatch(answers.Count, subscriptions, rowIds, genuineState), Encoding.UTF8, "application/json"), ct);
                answers.Add(answer.StatusCode);
            }
        }

        Assert.Equal(Batches, answers.Count);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(forgedBefore + (Batches * ItemsPerBatch), counters.Forged);
        // Not one read per forged item: the only reads are the genuine notifications' own, at most one per subscription
        // and 30 s (its cache), however long the flood — 5,000 forged items cost none.
        Assert.InRange(counters.SubscriptionReads - readsBefore, 0, subscriptions.Count * 4);
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, GenuineMessages,
            async () => Emulator.Delivered(await connected.Emulator.StatsAsync()) >= GenuineMessages, TimeSpan.FromSeconds(60));
        Assert.Equal(GenuineMessages, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
        await using var connection = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_inbox WHERE message_id LIKE 'AAMk-forged-%'"));
        Assert.Equal(GenuineMessages, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM notification_inbox WHERE mailbox_id = @Id", new { Id = connected.MailboxId.ToString("D").ToUpperInvariant() }));
    }

    /// <summary>
    /// What a forger can make without the key: our real Graph subscription ids and row ids (as if leaked), a genuine
    /// state's key id with another row or signature, the format used before states were signed, random shapes.
    /// </summary>
    private static string ForgedBatch(int batch, List<string> subscriptions, List<Guid> rowIds, string genuineState)
    {
        var items = Enumerable.Range(0, ItemsPerBatch).Select(i =>
        {
            var rowId = i % 3 == 0 ? rowIds[i % rowIds.Count] : Guid.NewGuid();
            var state = (i % 5) switch
            {
                0 => $"{genuineState[..8]}.{rowId:N}.{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=')}{new string('x', 21)}",
                1 => genuineState[..^43] + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').PadRight(43, 'Q'),
                2 => $"{rowId:N}.{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}",
                3 => $"{Guid.NewGuid():N}"[..8] + $".{rowId:N}." + new string('A', 43),
                _ => Guid.NewGuid().ToString(),
            };
            var subscription = i % 2 == 0 ? subscriptions[i % subscriptions.Count] : Guid.NewGuid().ToString();
            var messageId = $"AAMk-forged-{batch}-{i}";
            return "{\"subscriptionId\":\"" + subscription + "\",\"clientState\":\"" + state + "\",\"changeType\":\"created\","
                + "\"resource\":\"Users/x/Messages/" + messageId + "\",\"resourceData\":{\"id\":\"" + messageId + "\"}}";
        });
        return "{\"value\":[" + string.Join(',', items) + "]}";
    }
}
