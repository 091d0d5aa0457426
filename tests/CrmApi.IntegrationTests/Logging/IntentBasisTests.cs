using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

public class IntentBasisTests(CrmApiFactory factory)
{
    [Fact]
    public async Task OneTimeBasisGivenForTheEmail_ConsumedByTheSendThatCarriesIt_EvenWithoutASendCheck()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(true);
        var contact = await connected.Rep.ContactAsync("megan@fabrikam.com");
        await connected.Rep.OneTimeBasisAsync(contact, trackingId: "t-basis");
        await connected.IntentAsync("t-basis", [contact]);

        await connected.SendAsync("t-basis", "Quote", to: "megan@fabrikam.com");

        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the email");
        await Emulator.EventuallyAsync(async () => (await connected.Rep.AuditAsync(contact)).Any(entry => entry.GetProperty("event").GetString() == "basisUsed"), "the basis used");
        var used = Assert.Single(await connected.Rep.AuditAsync(contact), entry => entry.GetProperty("event").GetString() == "basisUsed");
        Assert.Equal("t-basis", used.GetProperty("trackingId").GetString());
        Assert.Empty((await connected.Rep.GetAsync($"/api/contacts/{contact}/communication")).Json.GetProperty("oneTimeBases").EnumerateArray());
        Assert.False((await connected.Rep.SendCheckAsync(["megan@fabrikam.com"], trackingId: "t-next")).GetProperty("allowed").GetBoolean());
    }
}
