using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Overview;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The console's Overview against CrmApi and the emulator: a mailbox's state follows its mail, and Graph's faults.</summary>
public class AdminOverviewBrowserTests
{
    /// <summary>Reads the overview again (its Refresh button) until the mailbox's row is in the state, or fails saying so.</summary>
    private static Task StateBecomesAsync(AdminTest test, string address, string state) =>
        Emulator.EventuallyAsync(async () =>
        {
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh now" }).ClickAsync();
            return await test.Page.Locator($"tr[data-mailbox='{address}'][data-state='{state}']").CountAsync() == 1;
        }, $"{address} shown {state}");

    [Fact]
    public async Task ATeamMailbox_GreenOnceMailFlows_AmberWithTheReasonWhenGraphThrottles_ThenGreenAgain()
    {
        await using var test = await AdminTest.StartAsync();
        var team = await test.Emulator.MailboxAsync($"sales{Guid.NewGuid():N}@contoso.example.com");
        await test.RunAsync(nameof(ATeamMailbox_GreenOnceMailFlows_AmberWithTheReasonWhenGraphThrottles_ThenGreenAgain), async () =>
        {
            await test.OpenAsync("/mailboxes");
            await test.Page.GetByLabel("Mailbox address").FillAsync(team);
            await test.Page.GetByLabel("Kind").SelectOptionAsync("team");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
            await Assertions.Expect(test.Page.Locator($"tr[data-mailbox='{team}']")).ToBeVisibleAsync();

            // Mail that arrives before the subscriptions exist is found by the first sync, not notified: deliver once listening.
            await Emulator.EventuallyAsync(async () => (await test.Admin.OverviewAsync()).GetProperty("mailboxes").EnumerateArray().Any(flow =>
                flow.GetProperty("address").GetString() == team && flow.GetProperty("firstSync").ValueKind == System.Text.Json.JsonValueKind.Null
                && flow.GetProperty("subscriptions").EnumerateArray().Any()
                && flow.GetProperty("subscriptions").EnumerateArray().All(subscription => subscription.GetProperty("status").GetString() == "live")), "the team mailbox listening");
            await test.Emulator.DeliverAsync(team, new { from = "megan@fabrikam.com", to = new[] { team }, subject = "Seats", bodyHtml = "<p>How many?</p>" });
            // An idle mailbox is green already: wait for the notification to be counted, then see the page show it.
            await Emulator.EventuallyAsync(async () => (await test.Admin.OverviewAsync()).GetProperty("totals").GetProperty("notifications").Sum() == 1, "the notification counted");
            await test.GoToAsync("Overview");
            await StateBecomesAsync(test, team, "green");
            var row = test.Page.Locator($"tr[data-mailbox='{team}']");
            await Assertions.Expect(row).ToContainTextAsync("Flowing");
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Figure)).ToContainTextAsync("1 received");
            await test.ScreenshotAsync("overview-green");

            await test.Emulator.FaultsAsync(new { throttleNext = 100_000, retryAfterSeconds = 1 });
            await test.Emulator.DeliverAsync(team, new { from = "megan@fabrikam.com", to = new[] { team }, subject = "Seats again", bodyHtml = "<p>And now?</p>" });
            await StateBecomesAsync(test, team, "amber");
            await Assertions.Expect(row).ToContainTextAsync("slow down");
            await Assertions.Expect(row).ToContainTextAsync("Fix:");
            await test.ScreenshotAsync("overview-amber");

            await test.Emulator.FaultsAsync(new { throttleNext = 0 });
            await StateBecomesAsync(test, team, "green");
        });
    }

    [Fact]
    public async Task AUserWithoutCrmAdmin_IsToldToAskTheirAdmin()
    {
        await using var test = await AdminTest.StartAsync();
        await test.RunAsync(nameof(AUserWithoutCrmAdmin_IsToldToAskTheirAdmin), async () =>
        {
            await test.OpenAsync("/", role: "Crm.User", email: "rep@" + test.Admin.Email.Split('@')[1]);
            await Assertions.Expect(test.Page.GetByText("Ask your admin")).ToBeVisibleAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh now" })).ToHaveCountAsync(0);
        });
    }
}
