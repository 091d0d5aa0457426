using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>
/// Classic Outlook starts a forward with its parent's custom properties (the emulator's <c>classicForwards</c>): the
/// forward carries the logged email's tracking id, and must be logged as a forward of it, not as it (issue 18, item 7).
/// </summary>
public class ClassicForwardTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.com";

    private async Task<(ConnectedRep Connected, Guid Contact, string ParentId, string ParentMessageId)> LoggedParentAsync(string trackingId)
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.ContactAsync(Megan);
        await connected.IntentAsync(trackingId, [contact], composeType: "newMail");
        var parent = await connected.SendAsync(trackingId, "200 seats", to: Megan);
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the original email logged");
        using var http = factory.CreateClient();
        var classic = await http.PostAsJsonAsync($"/_emulator/mailboxes/{connected.Address}/outlook-client", new { classicForwards = true });
        Assert.Equal(HttpStatusCode.NoContent, classic.StatusCode);
        return (connected, contact, parent.GetProperty("id").GetString()!, parent.GetProperty("internetMessageId").GetString()!);
    }

    private static async Task<JsonElement> ForwardOnTimelineAsync(ConnectedRep connected, Guid contact)
    {
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 2, "the forward logged");
        return (await connected.TimelineAsync("contact", contact)).Single(item => item.GetProperty("title").GetString()!.StartsWith("Email - Fwd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClassicForward_CarriesTheParentsStamp_LoggedAsAForwardUnderItsOwnIdentity()
    {
        var (connected, contact, parentId, parentMessageId) = await LoggedParentAsync("t-classic-parent");

        // The add-in saved a custom property of its own on the forward (the review mark), so classic Outlook keeps the
        // parent's beside it on the Sent Items copy; no threading headers name the parent.
        var forward = await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { Megan },
            subject = "FW: 200 seats",
            bodyHtml = "<p>See below</p>",
            customProperties = new Dictionary<string, string> { ["reviewReason"] = "sendCheckUnavailable" },
            forwardOf = parentId,
        });

        var item = await ForwardOnTimelineAsync(connected, contact);
        Assert.Equal("forward", item.GetProperty("kind").GetString());
        Assert.StartsWith($"forward of logged email {parentMessageId}", item.GetProperty("loggedBecause").GetString(), StringComparison.Ordinal);
        var status = (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(forward.GetProperty("internetMessageId").GetString()!)}")).Json;
        Assert.Equal("logged", status.GetProperty("status").GetString());
        Assert.Equal(item.GetProperty("emailId").GetGuid(), status.GetProperty("emailId").GetGuid());
        // The parent's intent still names the parent: the forward took nothing of it.
        var intent = (await connected.Rep.GetAsync("/api/log-intents/t-classic-parent")).Json;
        Assert.NotEqual(item.GetProperty("emailId").GetGuid(), intent.GetProperty("emailId").GetGuid());
        Assert.Equal(2, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }

    [Fact]
    public async Task ForwardWhoseAddinKeptTheInheritedIdInTheHeader_NotASightingOfTheParent()
    {
        var (connected, contact, parentId, parentMessageId) = await LoggedParentAsync("t-classic-header");

        // An add-in that kept the id it found wrote it in the header; it saved no custom property, so Outlook dropped the parent's.
        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { Megan },
            subject = "FW: 200 seats",
            bodyHtml = "<p>See below</p>",
            internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = "t-classic-header" },
            forwardOf = parentId,
        });

        var item = await ForwardOnTimelineAsync(connected, contact);
        Assert.Equal("forward", item.GetProperty("kind").GetString());
        Assert.StartsWith($"forward of logged email {parentMessageId}", item.GetProperty("loggedBecause").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
    }
}
