using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>The emulator behaves like Graph where the product depends on it.</summary>
public class EmulatorTests(CrmApiFactory factory)
{
    private async Task<(HttpStatusCode Status, JsonElement Json)> GraphAsync(HttpMethod method, string path, object? body = null)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(method, $"/_emulator/graph/v1.0{path}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task CreateSubscription_EndpointThatDoesNotEchoTheToken_Refused()
    {
        var address = await new Emulator(factory).MailboxAsync();

        var (status, json) = await GraphAsync(HttpMethod.Post, "/subscriptions", new
        {
            changeType = "created",
            notificationUrl = "http://localhost/health",
            resource = $"users/{address}/mailFolders('inbox')/messages",
            expirationDateTime = DateTimeOffset.UtcNow.AddDays(1),
            clientState = "x",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", json.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("Subscription validation request failed", json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSubscription_BeyondTheMaximumLifetime_Refused()
    {
        var address = await new Emulator(factory).MailboxAsync();

        var (status, _) = await GraphAsync(HttpMethod.Post, "/subscriptions", new
        {
            changeType = "created",
            notificationUrl = "http://localhost/webhooks/graph",
            resource = $"users/{address}/mailFolders('inbox')/messages",
            expirationDateTime = DateTimeOffset.UtcNow.AddDays(8),
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task SentItemsCopy_CustomHeaderOnlyInRawMime_ReceivedCopyListsIt()
    {
        var emulator = new Emulator(factory);
        var sender = await emulator.MailboxAsync();
        var recipient = await emulator.MailboxAsync();

        var sent = await emulator.SendAsync(sender, new { to = new[] { recipient }, subject = "Hi", bodyHtml = "<p>Hi</p>", internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = "t-1" } });

        var (_, sentCopy) = await GraphAsync(HttpMethod.Get, $"/users/{sender}/messages/{sent.GetProperty("id").GetString()}?$select=internetMessageHeaders,internetMessageId");
        Assert.Empty(sentCopy.GetProperty("internetMessageHeaders").EnumerateArray());
        var (_, delta) = await GraphAsync(HttpMethod.Get, $"/users/{recipient}/mailFolders/inbox/messages/delta?$select=internetMessageHeaders,internetMessageId");
        var received = Assert.Single(delta.GetProperty("value").EnumerateArray());
        Assert.Equal(sent.GetProperty("internetMessageId").GetString(), received.GetProperty("internetMessageId").GetString());
        Assert.Contains(received.GetProperty("internetMessageHeaders").EnumerateArray(), header => header.GetProperty("name").GetString() == "x-outlookcrm-tracking");
        using var http = factory.CreateClient();
        using var raw = new HttpRequestMessage(HttpMethod.Get, $"/_emulator/graph/v1.0/users/{sender}/messages/{sent.GetProperty("id").GetString()}/$value");
        raw.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        var mime = await (await http.SendAsync(raw, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("x-outlookcrm-tracking: t-1", mime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverMime_ARawEmailArrivesInTheInboxAndIsProcessed()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var mime = $"From: Megan <megan@fabrikam.com>\r\nTo: {connected.Address}\r\nSubject: Hello from outside\r\nMessage-ID: <outside-{Guid.NewGuid():N}@fabrikam.com>\r\n"
            + "List-Unsubscribe: <mailto:x@fabrikam.com>\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n";
        using var http = factory.CreateClient();

        var delivered = await http.PostAsync(new Uri($"/_emulator/mailboxes/{connected.Address}/deliver-mime", UriKind.Relative),
            new StringContent(mime, Encoding.UTF8, "message/rfc822"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("done").GetInt64() == 1, "the inbox message processed");
        Assert.Equal(0, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }

    [Fact]
    public async Task DeliverMime_EveryHeaderKeptInOrder_AsGraphListsThem()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var messageId = $"<outside-{Guid.NewGuid():N}@fabrikam.com>";
        var mime = "Received: from mail.fabrikam.com by mx.contoso.com; Tue, 1 Dec 2026 10:00:00 +0000\r\n"
            + $"From: Megan <megan@fabrikam.com>\r\nTo: {connected.Address}\r\nSubject: Headers\r\nMessage-ID: {messageId}\r\n"
            + "Thread-Index: AdnZ1234\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b--\r\n";
        using var http = factory.CreateClient();
        var delivered = await http.PostAsync(new Uri($"/_emulator/mailboxes/{connected.Address}/deliver-mime", UriKind.Relative),
            new StringContent(mime, Encoding.UTF8, "message/rfc822"), TestContext.Current.CancellationToken);
        var id = (await delivered.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();

        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri($"/_emulator/graph/v1.0/users/{connected.Address}/messages/{id}?$select=internetMessageHeaders", UriKind.Relative));
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        var message = await (await http.SendAsync(get, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var names = message.GetProperty("internetMessageHeaders").EnumerateArray().Select(header => header.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Received", "From", "To", "Subject", "Message-ID", "Thread-Index", "MIME-Version", "Content-Type"], names);
        Assert.StartsWith("multipart/alternative", message.GetProperty("internetMessageHeaders")[7].GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverMime_NotAMessage_400WithAReasonNot500()
    {
        const string body = "";
        var connected = await ConnectedRep.CreateAsync(factory);
        using var http = factory.CreateClient();

        var delivered = await http.PostAsync(new Uri($"/_emulator/mailboxes/{connected.Address}/deliver-mime", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "message/rfc822"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, delivered.StatusCode);
        Assert.Equal("application/problem+json", delivered.Content.Headers.ContentType?.MediaType);
    }
}
