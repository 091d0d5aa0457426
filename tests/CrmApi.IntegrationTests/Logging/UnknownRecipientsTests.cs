using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

public class UnknownRecipientsTests(CrmApiFactory factory)
{
    [Fact]
    public async Task SentPolicy_NewExternalPersonBecomesAContact_RoleAddressesDoNot()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var set = await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { createContacts = "sent" });
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Prospect deal" });
        await connected.IntentAsync("t-new", [deal]);

        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "Ada.Lovelace@prospect.example.com" },
            cc = new[] { "info@prospect.example.com", "noreply@prospect.example.com" },
            subject = "Welcome",
            bodyHtml = "<p>Hi Ada</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-new" },
        });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email");
        var contacts = (await connected.Rep.GetAsync("/api/records/contact?q=ada")).Json.GetProperty("items").EnumerateArray().ToList();
        var ada = Assert.Single(contacts);
        Assert.Equal("ada.lovelace@prospect.example.com", ada.GetProperty("emails")[0].GetProperty("address").GetString()!.ToLowerInvariant());
        // Made the way the pane's "Create contact" makes it: named from the address, its source noted, its company linked.
        Assert.Equal("Ada Lovelace", ada.GetProperty("name").GetString());
        Assert.Equal("created by email logging", ada.GetProperty("properties").GetProperty("source").GetString());
        var links = (await connected.Rep.GetAsync($"/api/records/contact/{ada.GetProperty("id").GetGuid()}/associations")).Json.GetProperty("items").EnumerateArray().ToList();
        var company = Assert.Single(links).GetProperty("record");
        Assert.Equal("company", company.GetProperty("type").GetString());
        Assert.Single(await connected.TimelineAsync("contact", ada.GetProperty("id").GetGuid()));
        Assert.Empty((await connected.Rep.GetAsync("/api/records/contact?q=info")).Json.GetProperty("items").EnumerateArray());
        (await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { createContacts = "always" })).AssertProblem(HttpStatusCode.BadRequest, "createContacts");
    }
}
