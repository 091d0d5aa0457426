using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// The console's Logging page: the logging policy set from its controls (read-only to a rep), and a never-log entry
/// that shows what it would remove before removing it, and is undone.
/// </summary>
public class AdminLoggingBrowserTests
{
    [Fact]
    public async Task NeverLogADomain_WhatItRemovesShownFirst_ThenRestored()
    {
        await using var test = await AdminTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Admin);
        var megan = await test.Admin.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        await connected.IntentAsync("t-quote", [megan]);
        await connected.SendAsync("t-quote", "Your quote for 50 seats");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the email logged");

        await test.RunAsync(nameof(NeverLogADomain_WhatItRemovesShownFirst_ThenRestored), async () =>
        {
            await test.OpenAsync("/logging");
            await test.Page.GetByLabel("Address or domain").FillAsync("fabrikam.com");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            var warning = test.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Logged emails would be removed" });
            await Assertions.Expect(warning).ToContainTextAsync("1 logged email(s) involve fabrikam.com");
            await Assertions.Expect(warning).ToContainTextAsync("Your quote for 50 seats");
            await test.ScreenshotAsync("logging-purge-preview");
            // Nothing is removed before the admin confirms.
            Assert.Single(await connected.TimelineAsync("contact", megan));

            await warning.GetByRole(AriaRole.Button, new() { Name = "Add and remove the emails" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "1 logged email(s) removed" })).ToBeVisibleAsync();
            Assert.Empty(await connected.TimelineAsync("contact", megan));

            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Restore fabrikam.com" }).ClickAsync();
            await test.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Undo the entry for fabrikam.com?" }).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "are back" })).ToBeVisibleAsync();
        });
        Assert.Single(await connected.TimelineAsync("contact", megan));
    }

    [Fact]
    public async Task LoggingPolicy_SetFromTheConsole_ReadOnlyToARep()
    {
        await using var test = await AdminTest.StartAsync();

        await test.RunAsync(nameof(LoggingPolicy_SetFromTheConsole_ReadOnlyToARep), async () =>
        {
            await test.OpenAsync("/logging");
            var sent = test.Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Sent email logged without the pane" });
            await Assertions.Expect(sent.GetByRole(AriaRole.Radio, new() { Name = "Only what the rep chooses in the pane (and replies in logged conversations)" })).ToBeCheckedAsync();
            await sent.GetByRole(AriaRole.Radio, new() { Name = "Every email to a contact in the CRM" }).CheckAsync();
            await test.Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Received email logged" }).GetByRole(AriaRole.Radio, new() { Name = "None" }).CheckAsync();
            await test.Page.GetByRole(AriaRole.Radio, new() { Name = "All their open deals and tickets" }).CheckAsync();
            await test.Page.GetByRole(AriaRole.Switch, new() { Name = "Users may choose their own sent and received logging" }).CheckAsync();
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Save logging settings" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();

            var saved = (await test.Admin.GetAsync("/api/settings/logging")).Json;
            Assert.Equal(("knownContacts", "none", "allOpen", true, "off"), (saved.GetProperty("outgoing").GetString(), saved.GetProperty("incoming").GetString(),
                saved.GetProperty("associations").GetString(), saved.GetProperty("usersMayOverride").GetBoolean(), saved.GetProperty("createContacts").GetString()));

            // A rep sees the account's policy as it is, and cannot change it.
            await test.OpenAsync("/logging", role: "Crm.User", email: "rep@" + test.Admin.Email.Split('@')[1]);
            var asRep = test.Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Sent email logged without the pane" });
            await Assertions.Expect(asRep.GetByRole(AriaRole.Radio, new() { Name = "Every email to a contact in the CRM" })).ToBeCheckedAsync();
            await Assertions.Expect(asRep.GetByRole(AriaRole.Radio, new() { Name = "Every email to someone outside the organisation" })).ToBeDisabledAsync();
            Assert.Equal(0, await test.Page.GetByRole(AriaRole.Button, new() { Name = "Save logging settings" }).CountAsync());
        });
    }
}
