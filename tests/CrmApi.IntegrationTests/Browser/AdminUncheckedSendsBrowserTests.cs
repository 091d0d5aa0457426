using System.Net;
using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The console's mailbox health shows the emails sent without the legal-basis check (issue 20).</summary>
public class AdminUncheckedSendsBrowserTests
{
    [Fact]
    public async Task ASendWithoutTheCheck_ToAnOptedOutContact_IsCountedInTheMailboxsHealth()
    {
        await using var test = await AdminTest.StartAsync();
        var team = await test.Emulator.MailboxAsync();
        var connected = await test.Admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" });
        Assert.Equal(HttpStatusCode.Created, connected.Status);
        var mailboxId = connected.Json.GetProperty("id").GetGuid();
        var contact = await test.Admin.ContactAsync("megan@fabrikam.com");
        await test.Admin.OptOutAsync(contact);

        await test.Emulator.SendAsync(team, new { to = new[] { "megan@fabrikam.com" }, subject = "From the phone", bodyHtml = "<p>Hi</p>" });
        await Emulator.EventuallyAsync(async () =>
            (await test.Admin.GetAsync($"/api/mailboxes/{mailboxId}/health")).Json.GetProperty("sentWithoutCheck").GetProperty("last7Days").GetInt64() == 1,
            "the send counted");

        await test.RunAsync(nameof(ASendWithoutTheCheck_ToAnOptedOutContact_IsCountedInTheMailboxsHealth), async () =>
        {
            await test.OpenAsync("/mailboxes");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = $"Details of {team}" }).ClickAsync();
            var health = test.Page.GetByRole(AriaRole.Table, new() { Name = $"Health of {team}" });
            await Assertions.Expect(health.GetByRole(AriaRole.Row, new() { Name = "Sent without the legal-basis check" }))
                .ToContainTextAsync("1 in 7 days, 1 in 30 days");
            await test.ScreenshotAsync("mailboxes-sent-without-check");
        });
    }
}
