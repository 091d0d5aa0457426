using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>Message properties Exchange derives from the headers, and the ones Graph returns only when selected.</summary>
public class MessagePropertiesTests(CrmApiFactory factory)
{
    private readonly EmulatorGraph _graph = new(factory);

    private async Task<(string Address, string Id)> DeliverAsync(string headers, string html = "<p>Hi</p>")
    {
        var address = await _graph.MailboxAsync();
        var id = await _graph.DeliverMimeAsync(address, $"From: a@fabrikam.com\r\nTo: {address}\r\nSubject: Props\r\n{headers}Content-Type: text/html\r\n\r\n{html}\r\n");
        return (address, id);
    }

    [Fact]
    public async Task BodyPreview_TheTextAReaderSees()
    {
        var (address, id) = await DeliverAsync("", "<html><head><style>p { color: red }</style></head><body><!-- x --><p>Tom &amp; Jerry&nbsp;say <b>hi</b></p></body></html>");

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}?$select=bodyPreview");

        Assert.Equal("Tom & Jerry say hi", message.GetProperty("bodyPreview").GetString());
    }

    [Theory]
    [InlineData("", "normal")]
    [InlineData("Importance: High\r\n", "high")]
    [InlineData("X-Priority: 5 (Lowest)\r\n", "low")]
    [InlineData("X-Priority: 1\r\nImportance: normal\r\n", "normal")]
    [InlineData("Priority: urgent\r\n", "high")]
    [InlineData("X-MSMail-Priority: Low\r\n", "low")]
    public async Task Importance_FromTheHeaders_AsMsOxcmailMapsThem(string headers, string importance)
    {
        var (address, id) = await DeliverAsync(headers);

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}");

        Assert.Equal(importance, message.GetProperty("importance").GetString());
    }

    [Fact]
    public async Task Receipts_RequestedByTheirHeaders()
    {
        var (address, id) = await DeliverAsync("Disposition-Notification-To: a@fabrikam.com\r\nReturn-Receipt-To: a@fabrikam.com\r\n");
        var (plainAddress, plainId) = await DeliverAsync("");

        var asked = await _graph.GetAsync($"/users/{address}/messages/{id}?$select=isReadReceiptRequested,isDeliveryReceiptRequested");
        var plain = await _graph.GetAsync($"/users/{plainAddress}/messages/{plainId}");

        Assert.True(asked.GetProperty("isReadReceiptRequested").GetBoolean());
        Assert.True(asked.GetProperty("isDeliveryReceiptRequested").GetBoolean());
        Assert.False(plain.GetProperty("isReadReceiptRequested").GetBoolean());
        Assert.False(plain.GetProperty("isDeliveryReceiptRequested").GetBoolean());
    }

    [Fact]
    public async Task UniqueBodyAndHeaders_OnlyWhenSelected_TheETagIsTheChangeKey()
    {
        var (address, id) = await DeliverAsync("");

        var plain = await _graph.GetAsync($"/users/{address}/messages/{id}");
        var selected = await _graph.GetAsync($"/users/{address}/messages/{id}?$select=uniqueBody,internetMessageHeaders");

        Assert.False(plain.TryGetProperty("uniqueBody", out _));
        Assert.False(plain.TryGetProperty("internetMessageHeaders", out _));
        Assert.Equal(JsonValueKind.Object, selected.GetProperty("uniqueBody").ValueKind);
        Assert.Equal(JsonValueKind.Array, selected.GetProperty("internetMessageHeaders").ValueKind);
        Assert.EndsWith("/messages(uniqueBody,internetMessageHeaders)/$entity", selected.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal($"W/\"{plain.GetProperty("changeKey").GetString()}\"", plain.GetProperty("@odata.etag").GetString());
    }
}
