using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>
/// The literal example payloads of the Microsoft Graph documentation (../shared/corpus/graph) posted to both webhooks:
/// notifications we do not hold are accepted and dropped (202), what is not a notification batch is refused (400),
/// never a 5xx or an error in the log; the validation request is echoed as the documentation says; and the documented
/// change notification, carrying one of our subscriptions, gets its message read and decided.
/// </summary>
public class GraphPayloadReplayTests(RealMailFactory factory) : IClassFixture<RealMailFactory>
{
    private static readonly string[] Webhooks = ["/webhooks/graph", "/webhooks/graph/lifecycle"];

    /// <summary>The answer each documentation file should get, and why.</summary>
    private static readonly Dictionary<string, HttpStatusCode> Expected = new(StringComparer.Ordinal)
    {
        // Notifications and lifecycle events for subscriptions we do not hold: accepted, dropped, counted.
        ["change-notification-message-created.json"] = HttpStatusCode.Accepted,
        ["outlook-rich-notification.json"] = HttpStatusCode.Accepted,
        ["lifecycle-missed.json"] = HttpStatusCode.Accepted,
        ["lifecycle-reauthorizationRequired.json"] = HttpStatusCode.Accepted,
        ["lifecycle-subscriptionRemoved.json"] = HttpStatusCode.Accepted,
        ["lifecycle-structure-current-docs.json"] = HttpStatusCode.Accepted,
        // A delta page is {"value": [...]} too, of items that are no notifications: each skipped and counted.
        ["message-delta-page1-nextLink.json"] = HttpStatusCode.Accepted,
        ["message-delta-page3-deltaLink.json"] = HttpStatusCode.Accepted,
        ["message-delta-next-round-removed.json"] = HttpStatusCode.Accepted,
        // No "value" array, or not JSON (the documentation prints the rich notification with comments in it).
        ["message-get-example1.json"] = HttpStatusCode.BadRequest,
        ["message-get-internetMessageHeaders.json"] = HttpStatusCode.BadRequest,
        ["subscription-created-response.json"] = HttpStatusCode.BadRequest,
        ["outlook-rich-notification.doc-literal.txt"] = HttpStatusCode.BadRequest,
    };

    [Fact]
    public async Task EveryDocumentationPayload_PostedToBothWebhooks_AnsweredAsExpected_WithoutAnError()
    {
        var folder = Path.Combine(Corpus.Require(), "graph");
        var errorsBefore = factory.Errors().Count;
        using var http = factory.CreateClient();
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(file => file != "validation-request.json").Order().ToList();
        Assert.Empty(files.Except(Expected.Keys));

        foreach (var file in files)
        {
            var body = await File.ReadAllTextAsync(Path.Combine(folder, file), TestContext.Current.CancellationToken);
            foreach (var webhook in Webhooks)
            {
                using var reply = await http.PostAsync(new Uri(webhook, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
                Assert.True(Expected[file] == reply.StatusCode, $"{file} to {webhook}: {reply.StatusCode}");
            }
        }
        Assert.Equal([], factory.Errors().Skip(errorsBefore));
    }

    [Fact]
    public async Task TheDocumentedValidationRequest_EchoedAsTheDocumentationSays()
    {
        var request = JsonNode.Parse(await File.ReadAllTextAsync(Corpus.GraphFile("validation-request.json"), TestContext.Current.CancellationToken))!;
        using var http = factory.CreateClient();

        foreach (var webhook in Webhooks)
        {
            using var reply = await http.PostAsync(new Uri($"{webhook}?{request["query"]}", UriKind.Relative), new StringContent("", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

            Assert.Equal((int)request["expected_status"]!, (int)reply.StatusCode);
            Assert.Equal((string)request["expected_content_type"]!, reply.Content.Headers.ContentType?.MediaType);
            Assert.Equal((string)request["expected_body"]!, await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task TheDocumentedChangeNotification_WithOurSubscription_GetsItsMessageDecided()
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(Corpus.GraphFile("change-notification-message-created.json"), TestContext.Current.CancellationToken))!;
        var connected = await ConnectedRep.CreateAsync(factory);
        var subscriptionId = connected.SubscriptionOf("inbox");
        var subscription = (await connected.Emulator.SubscriptionsAsync()).Single(found => found.GetProperty("id").GetString() == subscriptionId);
        // Graph's own notification for this message is lost: only the documentation's payload can make it known.
        await connected.Emulator.FaultsAsync(new { dropRate = 1.0 });
        var message = await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "Hello", bodyHtml = "<p>Hi</p>" });
        await connected.Emulator.FaultsAsync(new { dropRate = 0.0 });
        var messageId = message.GetProperty("id").GetString()!;

        var item = payload["value"]![0]!;
        item["subscriptionId"] = subscriptionId;
        item["clientState"] = subscription.GetProperty("clientState").GetString();
        item["resource"] = $"Users/{connected.Address}/Messages/{messageId}";
        item["resourceData"]!["@odata.id"] = item["resource"]!.GetValue<string>();
        item["resourceData"]!["id"] = messageId;
        using var http = factory.CreateClient();
        using var reply = await http.PostAsync(new Uri("/webhooks/graph", UriKind.Relative), new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var internetMessageId = Uri.EscapeDataString(message.GetProperty("internetMessageId").GetString()!);
        await Emulator.EventuallyAsync(async () =>
            (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={internetMessageId}")).Json.GetProperty("status").GetString() == "notLogged",
            "the message read and decided (not logged: in no thread)");
    }
}
