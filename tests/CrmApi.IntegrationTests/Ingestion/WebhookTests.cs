using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>Graph's side of the webhook contract, and what happens to bad or forged notifications.</summary>
public class WebhookTests(CrmApiFactory factory)
{
    private async Task<(HttpStatusCode Status, string Text, string? Type)> PostAsync(string path, string body, string contentType = "application/json")
    {
        using var http = factory.CreateClient();
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Batch(string subscriptionId, string clientState, string messageId) =>
        "{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState + "\",\"changeType\":\"created\","
        + "\"resource\":\"Users/x/Messages/" + messageId + "\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Message\",\"id\":\"" + messageId + "\"}}]}";

    [Theory]
    [InlineData("/webhooks/graph")]
    [InlineData("/webhooks/graph/lifecycle")]
    public async Task Validation_EchoesTheDecodedTokenAsPlainText(string path)
    {
        var token = "Validation: Testing client application reachability for subscription Request-Id: 6ae1ca50-55b8";

        var (status, text, type) = await PostAsync($"{path}?validationToken={Uri.EscapeDataString(token)}", "", "text/plain");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", type);
        Assert.Equal(token, text);
    }

    [Theory]
    [InlineData("a real subscription's row id, a made-up signature")]
    [InlineData("the format before states were signed")]
    [InlineData("free text")]
    public async Task ForgedClientState_Accepted202_NothingQueuedAndCounted(string forgery)
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var subscription = connected.SubscriptionOf("sentitems");
        var rowId = await factory.SubscriptionRowIdAsync(subscription);
        var genuine = factory.ClientStateOf(rowId);
        var clientState = forgery switch
        {
            "free text" => "let me in",
            "the format before states were signed" => $"{rowId:N}.forged-secret-value",
            _ => genuine[..^43] + new string('A', 43),
        };
        var forged = counters.Forged;

        var (status, _, _) = await PostAsync("/webhooks/graph", Batch(subscription, clientState, "AAMkforged"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        // Dropped by computation: that no database read was made is ForgedFloodTests' to prove, on a host of its own.
        Assert.Equal(forged + 1, counters.Forged);
        var health = await connected.HealthAsync();
        Assert.Equal(0, health.GetProperty("backlog").GetInt64() + health.GetProperty("done").GetInt64());
    }

    [Fact]
    public async Task SignedStateOfNoSubscription_Accepted202_ButNothingQueuedAndCounted()
    {
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var before = counters.UnknownSubscription;

        var (status, _, _) = await PostAsync("/webhooks/graph", Batch(Guid.NewGuid().ToString(), factory.ClientStateOf(Guid.NewGuid()), "AAMkx"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(before + 1, counters.UnknownSubscription);
    }

    [Fact]
    public async Task BatchOverTheItemCap_413NamingValueCountedAndNotReadItemByItem()
    {
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        static string Items(int count) => "{\"value\":[" + string.Join(',', Enumerable.Range(0, count).Select(i =>
            "{\"subscriptionId\":\"s\",\"clientState\":\"x\",\"changeType\":\"created\",\"resource\":\"Users/x/Messages/m" + i + "\"}")) + "]}";
        var tooMany = counters.TooManyItems;

        var (overStatus, overText, overType) = await PostAsync("/webhooks/graph", Items(1_001));
        var forged = counters.Forged;
        var (atStatus, _, _) = await PostAsync("/webhooks/graph", Items(1_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overStatus);
        Assert.Equal("application/problem+json", overType);
        Assert.Contains("\"value\"", overText, StringComparison.Ordinal);
        Assert.Equal(tooMany + 1, counters.TooManyItems);
        // The batch at the cap is taken and each of its items checked (here: all forged).
        Assert.Equal(HttpStatusCode.Accepted, atStatus);
        Assert.True(counters.Forged >= forged + 1_000);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"value\":{}}")]
    [InlineData("{\"nothing\":[]}")]
    public async Task MalformedBody_400ProblemAndCounted(string body)
    {
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var before = counters.Malformed;

        var (status, text, type) = await PostAsync("/webhooks/graph", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("body", text, StringComparison.Ordinal);
        Assert.True(counters.Malformed > before);
    }

    [Fact]
    public async Task OversizedBody_413AndCounted()
    {
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var before = counters.Oversized;
        var huge = "{\"value\":[" + string.Join(',', Enumerable.Repeat("{\"subscriptionId\":\"x\"}", 60_000)) + "]}";

        var (status, _, _) = await PostAsync("/webhooks/graph", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(before + 1, counters.Oversized);
    }
}
