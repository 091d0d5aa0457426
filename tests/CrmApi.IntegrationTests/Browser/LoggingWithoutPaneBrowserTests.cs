using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// Logging without the pane (issue 20, items 1 and 2), in the harness's mode where compose forms open without the task
/// pane (<c>?pane=none</c>): only Outlook's event runtime runs the add-in, as for a rep who never opens the pane.
/// </summary>
public class LoggingWithoutPaneBrowserTests
{
    private static Task SendAsync(PaneTest test) => test.Page.ClickAsync("#send");

    [Fact]
    public async Task OutgoingKnownContacts_AnEmailWrittenWithoutThePane_IsLoggedToTheContactByPolicy()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        await test.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { outgoing = "knownContacts" });

        await test.RunAsync(nameof(OutgoingKnownContacts_AnEmailWrittenWithoutThePane_IsLoggedToTheContactByPolicy), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?pane=none&from={Uri.EscapeDataString(test.Rep.Email)}&to=megan@fabrikam.com&subject=Proposal");
            await Emulator.EventuallyAsync(async () => await test.StampedTrackingIdAsync() is not null, "the launch event's stamp");
            Assert.True(await test.Page.Locator("#pane").IsHiddenAsync());
            var trackingId = (await test.StampedTrackingIdAsync())!;
            await Emulator.EventuallyAsync(async () => (await test.Rep.GetAsync($"/api/log-intents/{trackingId}")).Json.TryGetProperty("origin", out _), "the default intent");
            Assert.Equal("default", (await test.Rep.GetAsync($"/api/log-intents/{trackingId}")).Json.GetProperty("origin").GetString());

            await SendAsync(test);

            await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the email on Megan's timeline");
            Assert.Equal("account policy outgoing=knownContacts", (await connected.TimelineAsync("contact", megan))[0].GetProperty("loggedBecause").GetString());
        });
    }

    [Fact]
    public async Task StartedFromARecord_ThePaneNeverOpened_OrOpenedLongAfter_TheEmailCarriesTheRecord()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var deal = await test.Rep.CreateAsync("deal", new { name = "Fabrikam - 50 seats" });
        await test.Rep.AssociateAsync(deal, megan);

        await test.RunAsync(nameof(StartedFromARecord_ThePaneNeverOpened_OrOpenedLongAfter_TheEmailCarriesTheRecord), async () =>
        {
            // The rep reads an email, finds the deal in the pane and presses Email: Outlook opens a new message, no pane.
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?pane=none&mode=read&from=someone%40elsewhere.example.com&to={Uri.EscapeDataString(test.Rep.Email)}");
            await test.OpenRecordAsync("Fabrikam - 50 seats", "Deal");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Email" }).ClickAsync();
            await Emulator.EventuallyAsync(async () => await test.Page.EvaluateAsync<string>("() => window.harness.item.mode") == "compose", "the new message");
            Assert.True(await test.Page.Locator("#pane").IsHiddenAsync());
            await Emulator.EventuallyAsync(async () => await test.StampedTrackingIdAsync() is not null, "the launch event's stamp");
            var trackingId = (await test.StampedTrackingIdAsync())!;
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(deal), "the deal in the default intent");

            // Much later the rep opens the pane: this browser's own hand-over is long gone (it lasts two minutes), the
            // item's intent still names the deal, and the pane shows it ticked.
            await test.Page.EvaluateAsync("() => localStorage.removeItem('outlookcrm.startedFrom')");
            await test.Page.EvaluateAsync("() => window.harness.openPane()");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Fabrikam - 50 seats (Deal) — started from this record" })).ToBeCheckedAsync();
            Assert.Equal(trackingId, await test.StampedTrackingIdAsync());

            await SendAsync(test);

            await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal");
        });
    }
}
