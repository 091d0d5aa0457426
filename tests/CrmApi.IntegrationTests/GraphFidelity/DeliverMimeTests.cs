using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>A raw message delivered with deliver-mime keeps the structure Graph answers with: body format and attachments.</summary>
public class DeliverMimeTests(CrmApiFactory factory)
{
    private readonly EmulatorGraph _graph = new(factory);

    private static string Message(string address, string contentType, string body) =>
        $"From: Megan <megan@fabrikam.com>\r\nTo: {address}\r\nSubject: Parts\r\nMessage-ID: <{Guid.NewGuid():N}@fabrikam.com>\r\n"
        + $"MIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n{body}";

    [Fact]
    public async Task DeliverMime_OnlyATextBody_BodyIsText()
    {
        var address = await _graph.MailboxAsync();

        var id = await _graph.DeliverMimeAsync(address, Message(address, "text/plain; charset=utf-8", "Hi Megan,\r\nprices < 10 EUR.\r\n"));

        var body = (await _graph.GetAsync($"/users/{address}/messages/{id}")).GetProperty("body");
        Assert.Equal("text", body.GetProperty("contentType").GetString());
        Assert.Equal("Hi Megan,\nprices < 10 EUR.\n", body.GetProperty("content").GetString()?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task PreferBodyContentType_ConvertedEitherWay_AndAcknowledged()
    {
        var address = await _graph.MailboxAsync();
        var text = await _graph.DeliverMimeAsync(address, Message(address, "text/plain", "Tom & Jerry\r\nsay hi\r\n"));
        var html = await _graph.DeliverMimeAsync(address, Message(address, "text/html", "<html><head><style>p{}</style></head><p>Tom &amp; Jerry</p><p>say hi</p></html>"));

        var (asHtml, appliedHtml) = await _graph.GetPreferringAsync($"/users/{address}/messages/{text}", "outlook.body-content-type=\"html\"");
        var (asText, appliedText) = await _graph.GetPreferringAsync($"/users/{address}/messages/{html}", "outlook.body-content-type=\"text\"");

        Assert.Equal(("html", "outlook.body-content-type=\"html\""), (asHtml.GetProperty("body").GetProperty("contentType").GetString(), appliedHtml));
        Assert.Contains("Tom &amp; Jerry<br>", asHtml.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(("text", "outlook.body-content-type=\"text\""), (asText.GetProperty("body").GetProperty("contentType").GetString(), appliedText));
        Assert.Equal("Tom & Jerry\r\nsay hi", asText.GetProperty("body").GetProperty("content").GetString());
    }

    [Fact]
    public async Task DeliverMime_TextAndHtmlAlternatives_BodyIsTheHtml()
    {
        var address = await _graph.MailboxAsync();
        const string parts = "--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n--b--\r\n";

        var id = await _graph.DeliverMimeAsync(address, Message(address, "multipart/alternative; boundary=\"b\"", parts));

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}");
        Assert.Equal("html", message.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Equal("Hi", message.GetProperty("bodyPreview").GetString());
    }

    [Fact]
    public async Task DeliverMime_AttachmentAndInlineImage_BothListed_OnlyTheAttachmentCounts()
    {
        var address = await _graph.MailboxAsync();
        var pdf = Convert.ToBase64String(new byte[1234]);
        var parts = "--m\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n"
            + "--r\r\nContent-Type: text/html\r\n\r\n<p><img src=\"cid:logo@fabrikam\"></p>\r\n"
            + "--r\r\nContent-Type: image/png; name=\"logo.png\"\r\nContent-Disposition: inline; filename=\"logo.png\"\r\nContent-ID: <logo@fabrikam>\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--r--\r\n"
            + "--m\r\nContent-Type: application/pdf; name=\"Quote.pdf\"\r\nContent-Disposition: attachment; filename=\"Quote.pdf\"\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n--m--\r\n";

        var id = await _graph.DeliverMimeAsync(address, Message(address, "multipart/mixed; boundary=\"m\"", parts));

        Assert.True((await _graph.GetAsync($"/users/{address}/messages/{id}")).GetProperty("hasAttachments").GetBoolean());
        var attachments = (await _graph.GetAsync($"/users/{address}/messages/{id}/attachments")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["logo.png", "Quote.pdf"], attachments.Select(attachment => attachment.GetProperty("name").GetString()));
        var (logo, quote) = (attachments[0], attachments[1]);
        Assert.True(logo.GetProperty("isInline").GetBoolean());
        Assert.Equal("logo@fabrikam", logo.GetProperty("contentId").GetString());
        Assert.Equal(8, logo.GetProperty("size").GetInt32());
        Assert.Equal("#microsoft.graph.fileAttachment", quote.GetProperty("@odata.type").GetString());
        Assert.Equal("application/pdf", quote.GetProperty("contentType").GetString());
        Assert.Equal(1234, quote.GetProperty("size").GetInt32());
        Assert.False(quote.GetProperty("isInline").GetBoolean());
    }

    [Fact]
    public async Task DeliverMime_OnlyAnInlineImage_HasAttachmentsFalse()
    {
        var address = await _graph.MailboxAsync();
        const string parts = "--r\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:a@b\">\r\n"
            + "--r\r\nContent-Type: image/gif\r\nContent-Disposition: inline\r\nContent-ID: <a@b>\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n--r--\r\n";

        var id = await _graph.DeliverMimeAsync(address, Message(address, "multipart/related; boundary=\"r\"", parts));

        // Graph's hasAttachments "doesn't include inline attachments"; the attachment list still has the image.
        Assert.False((await _graph.GetAsync($"/users/{address}/messages/{id}")).GetProperty("hasAttachments").GetBoolean());
        var image = Assert.Single((await _graph.GetAsync($"/users/{address}/messages/{id}/attachments")).GetProperty("value").EnumerateArray());
        Assert.True(image.GetProperty("isInline").GetBoolean());
    }

    [Fact]
    public async Task DeliverMime_AForwardedMessage_AnItemAttachment()
    {
        var address = await _graph.MailboxAsync();
        const string parts = "--m\r\nContent-Type: text/plain\r\n\r\nSee below\r\n"
            + "--m\r\nContent-Type: message/rfc822\r\n\r\nFrom: a@fabrikam.com\r\nSubject: Original\r\n\r\nOld text\r\n--m--\r\n";

        var id = await _graph.DeliverMimeAsync(address, Message(address, "multipart/mixed; boundary=\"m\"", parts));

        var item = Assert.Single((await _graph.GetAsync($"/users/{address}/messages/{id}/attachments")).GetProperty("value").EnumerateArray());
        Assert.Equal("#microsoft.graph.itemAttachment", item.GetProperty("@odata.type").GetString());
        Assert.Equal("Original", item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeliverMime_MoreThan300Attachments_EveryOneListed()
    {
        var mime = await File.ReadAllBytesAsync(Corpus.MailFile("bbfc85ea-issue408.eml"), TestContext.Current.CancellationToken);
        var address = await _graph.MailboxAsync();

        var id = await _graph.DeliverMimeAsync(address, mime);

        Assert.True((await _graph.GetAsync($"/users/{address}/messages/{id}")).GetProperty("hasAttachments").GetBoolean());
        var attachments = (await _graph.GetAsync($"/users/{address}/messages/{id}/attachments")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(328, attachments.Count);
        Assert.All(attachments, attachment => Assert.EndsWith(".txt", attachment.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.All(attachments, attachment => Assert.True(attachment.GetProperty("size").GetInt32() > 0));
    }
}
