using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>A message of 2 MB of HTML, sent and logged through Graph: its body is kept cut at the documented size, and says so.</summary>
public class LongBodyTests(CrmApiFactory factory)
{
    [Fact]
    public async Task TwoMegabyteMessage_LoggedCutAtTheDocumentedSizeAndMarked()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        await connected.IntentAsync("t-long-body", [contact]);
        var paragraphs = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<p>Line {i:D6} of the price list.</p>"));
        Assert.True(paragraphs.Length > 2 * LongBodies.MaxChars);

        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "megan@fabrikam.com" },
            subject = "Price list",
            bodyHtml = "<div>Start of the list</div>" + paragraphs + "<div>END-OF-LIST</div>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-long-body" },
        });

        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the long email logged");
        var id = (await connected.TimelineAsync("contact", contact))[0].GetProperty("emailId").GetGuid();
        var body = (await connected.Rep.GetAsync($"/api/emails/{id}")).Json.GetProperty("bodyHtml").GetString()!;
        Assert.StartsWith("<div>Start of the list</div><p>Line 000000", body, StringComparison.Ordinal);
        Assert.EndsWith(LongBodies.Note, body, StringComparison.Ordinal);
        Assert.DoesNotContain("END-OF-LIST", body, StringComparison.Ordinal);
        Assert.InRange(body.Length, LongBodies.MaxChars / 2, LongBodies.MaxChars + LongBodies.Note.Length + 64);
    }
}
