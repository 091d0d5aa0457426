using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// The pane's Logging view: what is logged of the rep's mail without the pane, in the rep's words, and their own choice
/// where the admin lets users choose (GET/PUT /api/me/logging).
/// </summary>
public class MyLoggingBrowserTests
{
    [Fact]
    public async Task Logging_ShowsWhatAppliesToTheRep_AndLetsThemChooseOnlyWhereTheAdminAllows()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { incoming = "knownContacts", associations = "allOpen" });

        await test.RunAsync(nameof(Logging_ShowsWhatAppliesToTheRep_AndLetsThemChooseOnlyWhereTheAdminAllows), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            var tab = test.Pane.GetByRole(AriaRole.Tab, new() { Name = "Logging" });
            await tab.ClickAsync();
            var applies = test.Pane.GetByRole(AriaRole.List, new() { Name = "What applies to your mail" });
            await Assertions.Expect(applies).ToContainTextAsync("Sent: Only the emails I choose to log in the pane");
            await Assertions.Expect(applies).ToContainTextAsync("Received: Every email from a contact in the CRM");
            await Assertions.Expect(applies).ToContainTextAsync("all its open deals and tickets");
            await Assertions.Expect(test.Pane.GetByText("Your admin sets this for everyone in your organisation.")).ToBeVisibleAsync();
            Assert.Equal(0, await test.Pane.GetByRole(AriaRole.Radio).CountAsync());

            // The admin lets users choose: the rep picks their own sent-mail policy and keeps the organisation's for received.
            await test.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { usersMayOverride = true });
            await test.Pane.GetByRole(AriaRole.Tab, new() { Name = "Records" }).ClickAsync();
            await tab.ClickAsync();
            var sent = test.Pane.GetByRole(AriaRole.Radiogroup, new() { Name = "Sent email" });
            await Assertions.Expect(sent.GetByRole(AriaRole.Radio, new() { Name = "My organisation's setting: Only the emails I choose to log in the pane, and replies in logged conversations" })).ToBeCheckedAsync();
            await sent.GetByRole(AriaRole.Radio, new() { Name = "Every email I send to a contact in the CRM" }).CheckAsync();
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Save my logging" }).ClickAsync();

            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();
            await Assertions.Expect(applies).ToContainTextAsync("Sent: Every email I send to a contact in the CRM");
            var mine = (await test.Rep.GetAsync("/api/me/logging")).Json;
            Assert.Equal(("knownContacts", "knownContacts"), (mine.GetProperty("outgoing").GetString(), mine.GetProperty("effective").GetProperty("outgoing").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, mine.GetProperty("incoming").ValueKind);

            // And back to the organisation's setting: null again on the server.
            await sent.GetByRole(AriaRole.Radio, new() { Name = "My organisation's setting: Only the emails I choose to log in the pane, and replies in logged conversations" }).CheckAsync();
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Save my logging" }).ClickAsync();
            await Assertions.Expect(applies).ToContainTextAsync("Sent: Only the emails I choose to log in the pane");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await test.Rep.GetAsync("/api/me/logging")).Json.GetProperty("outgoing").ValueKind);
        });
    }
}
