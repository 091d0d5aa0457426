using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

public class AttachmentsTests(CrmApiFactory factory)
{
    [Fact]
    public async Task LoggedEmail_RecordsAttachmentMetadata_NotTheFiles()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Quote" });
        await connected.IntentAsync("t-files", [deal]);

        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "megan@fabrikam.com" },
            subject = "Your quote",
            bodyHtml = "<p>Attached</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-files" },
            attachments = new[] { new { name = "Quote-2026-0042.pdf", contentType = "application/pdf", size = 184220 } },
        });

        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email");
        var emailId = (await connected.TimelineAsync("deal", deal))[0].GetProperty("emailId").GetGuid();
        var attachment = Assert.Single((await connected.Rep.GetAsync($"/api/emails/{emailId}")).Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("Quote-2026-0042.pdf", attachment.GetProperty("name").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.Equal(184220, attachment.GetProperty("size").GetInt64());
    }
}
