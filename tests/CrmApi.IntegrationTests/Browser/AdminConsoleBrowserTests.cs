using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The admin console as a whole: every page signed in, accessible in both themes, and what a user without Crm.Admin sees.</summary>
public class AdminConsoleBrowserTests
{
    private static readonly string[] Pages = ["Overview", "Mailboxes", "Privacy", "Logging", "People"];

    [Fact]
    public async Task EveryPage_InBothThemes_NoSeriousOrCriticalAccessibilityViolation()
    {
        await using var test = await AdminTest.StartAsync();
        await test.Emulator.MailboxAsync();
        await test.RunAsync(nameof(EveryPage_InBothThemes_NoSeriousOrCriticalAccessibilityViolation), async () =>
        {
            await test.OpenAsync();
            foreach (var theme in new[] { "light", "dark" })
            {
                if (theme == "dark")
                {
                    await test.Page.GetByRole(AriaRole.Switch, new() { Name = "Dark theme" }).CheckAsync();
                }
                foreach (var page in Pages)
                {
                    await test.GoToAsync(page);
                    // Each page has loaded what it shows (no spinner left) before axe reads it.
                    await Assertions.Expect(test.Page.Locator("[role=progressbar], .fui-Spinner")).ToHaveCountAsync(0);
                    await Accessibility.AssertNoSeriousViolationsAsync(test.Page, $"{page} ({theme})");
                    await test.ScreenshotAsync($"{page.ToLowerInvariant()}-{theme}");
                }
            }
        });
    }

    [Fact]
    public async Task AUserWithoutCrmAdmin_SeesThePagesButNoAdminAction()
    {
        await using var test = await AdminTest.StartAsync();
        var address = await test.Emulator.MailboxAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await test.Admin.PostAsync("/api/mailboxes", new { address, kind = "team" })).Status);
        await test.RunAsync(nameof(AUserWithoutCrmAdmin_SeesThePagesButNoAdminAction), async () =>
        {
            await test.OpenAsync("/mailboxes", role: "Crm.User", email: "rep@" + test.Admin.Email.Split('@')[1]);

            await Assertions.Expect(test.Page.GetByText("Ask your admin").First).ToBeVisibleAsync();
            await Assertions.Expect(test.Page.Locator($"tr[data-mailbox='{address}']")).ToBeVisibleAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Button, new() { Name = "Connect" })).ToHaveCountAsync(0);
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Button, new() { Name = $"Disconnect {address}" })).ToHaveCountAsync(0);
            await test.Page.GetByRole(AriaRole.Button, new() { Name = $"Details of {address}" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Table, new() { Name = $"Health of {address}" })).ToBeVisibleAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Button, new() { Name = "Reprocess" })).ToHaveCountAsync(0);
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Button, new() { Name = "Run the checks" })).ToHaveCountAsync(0);
            await test.ScreenshotAsync("mailboxes-as-user");
        });
    }
}
