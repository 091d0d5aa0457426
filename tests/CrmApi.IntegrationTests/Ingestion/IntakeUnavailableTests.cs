using System.Diagnostics;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The database cannot take the batch (another process holds SQLite's write lock): the webhook answers 503 quickly,
/// so Graph delivers again, writes nothing, and the batch delivered again once the lock is gone is stored once.
/// </summary>
public class IntakeUnavailableTests
{
    [Fact]
    public async Task Database_locked_Webhook_answers_503_within_3_s_writes_nothing_and_the_redelivery_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        // A host of its own: the lock would stall every other test's writes in the shared one.
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var subscription = connected.SubscriptionOf("inbox");
        var rowId = await factory.SubscriptionRowIdAsync(subscription);
        var clientState = factory.ClientStateOf(rowId);
        var batch = "{\"value\":[{\"subscriptionId\":\"" + subscription + "\",\"clientState\":\"" + clientState + "\",\"changeType\":\"created\","
            + "\"resource\":\"Users/x/Messages/AAMk-locked\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Message\",\"id\":\"AAMk-locked\"}}]}";
        using var http = factory.CreateClient();
        Task<HttpResponseMessage> PostAsync() => http.PostAsync(new Uri("/webhooks/graph", UriKind.Relative), new StringContent(batch, Encoding.UTF8, "application/json"), ct);

        HttpStatusCode whileLocked;
        TimeSpan took;
        await using (var locker = new SqliteConnection(factory.ConnectionString))
        {
            await locker.OpenAsync(ct);
            await locker.ExecuteAsync("BEGIN EXCLUSIVE");
            var started = Stopwatch.StartNew();
            using var answer = await PostAsync();
            took = started.Elapsed;
            whileLocked = answer.StatusCode;
            await locker.ExecuteAsync("ROLLBACK");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileLocked);
        Assert.True(took < TimeSpan.FromSeconds(3), $"the webhook answered after {took.TotalSeconds:F1} s");
        Assert.Equal(0, await InboxRowsAsync(factory));
        using (var again = await PostAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }
        using (var duplicate = await PostAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, duplicate.StatusCode);
        }
        Assert.Equal(1, await InboxRowsAsync(factory));
    }

    private static async Task<long> InboxRowsAsync(CrmApiFactory factory)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_inbox WHERE message_id = 'AAMk-locked'");
    }
}
