using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The front door, tried as a newcomer: the landing page leads somewhere, and so does the pane opened outside Outlook.</summary>
public class FrontDoorBrowserTests
{
    [Fact]
    public async Task TheLandingPage_LeadsToThePaneInTheSimulatedOutlook_AndToTheAdminConsole()
    {
        await using var test = await AdminTest.StartAsync();
        await test.RunAsync(nameof(TheLandingPage_LeadsToThePaneInTheSimulatedOutlook_AndToTheAdminConsole), async () =>
        {
            await test.Page.GotoAsync(test.Factory.BaseUrl + "/");
            await test.Page.GetByRole(AriaRole.Link, new() { Name = "Write an email" }).ClickAsync();
            await Assertions.Expect(test.Page.FrameLocator("#pane").Locator("li[data-address='megan.bowen@fabrikam.com']")).ToBeVisibleAsync();

            await test.Page.GotoAsync(test.Factory.BaseUrl + "/");
            await test.Page.GetByRole(AriaRole.Link, new() { Name = "Read an email" }).ClickAsync();
            await Assertions.Expect(test.Page.FrameLocator("#pane").GetByRole(AriaRole.Main)).ToContainTextAsync("megan.bowen@fabrikam.com");

            await test.Page.GotoAsync(test.Factory.BaseUrl + "/");
            await test.Page.GetByRole(AriaRole.Link, new() { Name = "The admin console" }).ClickAsync();
            // Development's sign-in: pick who to be.
            await test.Page.GetByRole(AriaRole.Textbox, new() { Name = "Email address" }).FillAsync(test.Admin.Email);
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task ThePaneOutsideOutlook_SaysItRunsInOutlook_AndLinksTheSimulatedOutlook()
    {
        await using var test = await AdminTest.StartAsync();
        await test.RunAsync(nameof(ThePaneOutsideOutlook_SaysItRunsInOutlook_AndLinksTheSimulatedOutlook), async () =>
        {
            await test.Page.GotoAsync(test.Factory.BaseUrl + "/addin/");
            await Assertions.Expect(test.Page.GetByText("It runs inside Outlook")).ToBeVisibleAsync();
            await test.Page.GetByRole(AriaRole.Link, new() { Name = "simulated Outlook" }).ClickAsync();
            await Assertions.Expect(test.Page.FrameLocator("#pane").Locator("li[data-address='megan.bowen@fabrikam.com']")).ToBeVisibleAsync();
        });
    }
}
