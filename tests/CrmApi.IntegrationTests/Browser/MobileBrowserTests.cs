using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// The pane in Outlook on iOS and Android (the harness's <c>?client=mobile</c>: Mailbox 1.5, no displayMessageForm,
/// displayNewMessageForm, convertToRestId/convertToEwsId or officeTheme), and classic Outlook's forwards (issue 18, items 7 and 8).
/// </summary>
public class MobileBrowserTests
{
    private static async Task OpenMobileReadAsync(PaneTest test) =>
        await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?client=mobile&mode=read&from=someone%40elsewhere.example.com"
            + $"&to={Uri.EscapeDataString(test.Rep.Email)}&user={Uri.EscapeDataString(test.Rep.Email)}");

    private static Task<string?> HeaderAsync(PaneTest test) => test.Page.EvaluateAsync<string?>("() => window.harness.item.internetHeaders['x-outlookcrm-tracking'] ?? null");

    [Fact]
    public async Task ReplyAndForward_FromTheTimeline_OnMobile_OpenTheMailApp()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        await connected.IntentAsync("t-mobile-reply", [megan]);
        var sent = await connected.SendAsync("t-mobile-reply", "Pricing");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the sent email logged");
        var email = (await connected.TimelineAsync("contact", megan))[0].GetProperty("emailId").GetGuid();
        var internetMessageId = sent.GetProperty("internetMessageId").GetString()!;

        await test.RunAsync(nameof(ReplyAndForward_FromTheTimeline_OnMobile_OpenTheMailApp), async () =>
        {
            await OpenMobileReadAsync(test);
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            var entry = test.Pane.Locator($"li[data-email='{email}']");

            await entry.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
            var reply = await entry.GetByRole(AriaRole.Link, new() { Name = "write the reply in your mail app" }).GetAttributeAsync("href");
            Assert.Equal($"mailto:megan%40fabrikam.com?subject=RE%3A%20Pricing&In-Reply-To={Uri.EscapeDataString(internetMessageId)}", reply);

            await entry.GetByRole(AriaRole.Button, new() { Name = "Forward" }).ClickAsync();
            var forward = await entry.GetByRole(AriaRole.Link, new() { Name = "write the forward in your mail app" }).GetAttributeAsync("href");
            Assert.StartsWith("mailto:?subject=FW%3A%20Pricing&body=", forward, StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString("Subject: Pricing"), forward, StringComparison.Ordinal);
            Assert.Empty(await test.Page.EvaluateAsync<string[]>("() => window.harness.openedMessages"));
        });
    }

    [Fact]
    public async Task NewMessage_OnMobile_TheHeaderIsWritten_ThoughMailbox18IsDenied()
    {
        await using var test = await PaneTest.StartAsync();

        await test.RunAsync(nameof(NewMessage_OnMobile_TheHeaderIsWritten_ThoughMailbox18IsDenied), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?client=mobile&from={Uri.EscapeDataString(test.Rep.Email)}&to=megan@fabrikam.com");

            await Emulator.EventuallyAsync(async () => await HeaderAsync(test) is { } header && header == await test.StampedTrackingIdAsync(), "the tracking header written");
        });
    }

    [Fact]
    public async Task ClassicForward_StartingWithTheParentsTrackingId_IsStampedAfresh()
    {
        await using var test = await PaneTest.StartAsync();

        await test.RunAsync(nameof(ClassicForward_StartingWithTheParentsTrackingId_IsStampedAfresh), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?composeType=forward&inherited=t-parent&from={Uri.EscapeDataString(test.Rep.Email)}&to=megan@fabrikam.com");

            await Emulator.EventuallyAsync(async () => await HeaderAsync(test) is { } header && header != "t-parent" && header == await test.StampedTrackingIdAsync(),
                "a fresh tracking id on the forward");
        });
    }
}
