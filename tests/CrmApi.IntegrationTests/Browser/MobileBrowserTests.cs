using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.IntegrationTests.UncheckedSends;

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

    private static Task<string?> NoticeAsync(PaneTest test) =>
        test.Page.EvaluateAsync<string?>("() => (window.harness.item.notifications || {})['outlookcrm-basis']?.message ?? null");

    private static Task<string?> ReviewReasonAsync(PaneTest test) => test.Page.EvaluateAsync<string?>("() => window.harness.item.customProperties.reviewReason ?? null");

    private static async Task RecipientsAsync(PaneTest test, string to)
    {
        await test.Page.Locator("#to").FillAsync(to);
        await test.Page.Locator("#to").DispatchEventAsync("change");
    }

    [Fact]
    public async Task NewMessage_OnMobile_ToAContactWithoutABasis_ABarSaysSo_AndTheSendIsAccountedWithWhyThereWasNoCheck()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        await test.Rep.SetPrivacyAsync(true);
        var lee = await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        const string why = "Outlook on iOS or Android has no send-time check";

        await test.RunAsync(nameof(NewMessage_OnMobile_ToAContactWithoutABasis_ABarSaysSo_AndTheSendIsAccountedWithWhyThereWasNoCheck), async () =>
        {
            // Outlook mobile: no pane while writing, and no send handler; the recipients-changed event is all there is.
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?client=mobile&from={Uri.EscapeDataString(connected.Address)}&to=lee@northwind.example.com&subject=Hello");
            Assert.True(await test.Page.Locator("#pane").IsHiddenAsync());
            await Emulator.EventuallyAsync(async () => await NoticeAsync(test) is not null, "the bar about the legal basis");
            Assert.StartsWith("A recipient has no legal basis to be emailed.", await NoticeAsync(test), StringComparison.Ordinal);
            await Assertions.Expect(test.Page.GetByRole(AriaRole.List, new() { Name = "Outlook's bars on this message" })).ToContainTextAsync("no legal basis");
            Assert.Equal(why, await ReviewReasonAsync(test));

            // A colleague needs no basis: the bar and the mark go; back to Lee, they return.
            await RecipientsAsync(test, "colleague@" + connected.Address.Split('@')[1]);
            await Emulator.EventuallyAsync(async () => await NoticeAsync(test) is null && await ReviewReasonAsync(test) is null, "the bar and the mark gone");
            await Assertions.Expect(test.Page.GetByRole(AriaRole.List, new() { Name = "Outlook's bars on this message" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
            await RecipientsAsync(test, "lee@northwind.example.com");
            await Emulator.EventuallyAsync(async () => await NoticeAsync(test) is not null && await ReviewReasonAsync(test) == why, "the bar and the mark back");

            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
            Assert.Equal("mobile", await test.Page.EvaluateAsync<string>("() => window.harness.lastSendAnswer.skipped"));
        });
        var line = await test.Rep.SentWithoutCheckAsync(lee);
        Assert.Equal(why, line.GetProperty("explanation").GetString());
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
