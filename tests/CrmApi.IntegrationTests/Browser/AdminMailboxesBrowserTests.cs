using System.Net;
using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The console's Mailboxes page against CrmApi and the emulator: connect, watch, repair, disconnect.</summary>
public class AdminMailboxesBrowserTests
{
    private static ILocator Row(AdminTest test, string address) => test.Page.Locator($"tr[data-mailbox='{address}']");

    private static async Task ConnectInTheConsoleAsync(AdminTest test, string address, string kind)
    {
        await test.Page.GetByLabel("Mailbox address").FillAsync(address);
        await test.Page.GetByLabel("Kind").SelectOptionAsync(kind);
        await test.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(test, address)).ToContainTextAsync("Watching Inbox and Sent Items");
    }

    [Fact]
    public async Task ConnectATeamMailbox_ItIsWatched_AMessageFlows_ThenDisconnectAfterConfirming()
    {
        await using var test = await AdminTest.StartAsync();
        var team = await test.Emulator.MailboxAsync($"sales{Guid.NewGuid():N}@contoso.example.com");
        await test.RunAsync(nameof(ConnectATeamMailbox_ItIsWatched_AMessageFlows_ThenDisconnectAfterConfirming), async () =>
        {
            await test.OpenAsync("/mailboxes");
            await ConnectInTheConsoleAsync(test, team, "team");
            await Assertions.Expect(Row(test, team)).ToContainTextAsync("Team");

            await test.Emulator.DeliverAsync(team, new { from = "megan@fabrikam.com", to = new[] { team }, subject = "Seats", bodyHtml = "<p>How many?</p>" });
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Table, new() { Name = $"Health of {team}" })).ToBeVisibleAsync();
            await Emulator.EventuallyAsync(async () => (await HealthAsync(test, team)).GetProperty("done").GetInt64() == 1, "the message processed");
            // The details read the health again by themselves.
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Row, new() { Name = "Processed 1" })).ToBeVisibleAsync(new() { Timeout = 15000 });
            await test.ScreenshotAsync("mailboxes-connected");

            await test.Page.GetByRole(AriaRole.Button, new() { Name = $"Disconnect {team}" }).ClickAsync();
            var confirm = test.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"Disconnect {team}?" });
            await Assertions.Expect(confirm).ToContainTextAsync("Email it logged stays on the timelines");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Disconnect", Exact = true }).ClickAsync();
            await Assertions.Expect(Row(test, team)).ToHaveCountAsync(0);
        });
        var left = await test.Admin.GetAsync("/api/mailboxes");
        Assert.DoesNotContain(left.Json.GetProperty("items").EnumerateArray(), mailbox => mailbox.GetProperty("address").GetString() == team);
    }

    [Fact]
    public async Task APoisonMessage_ItsDeadLetterShownWithTheReason_RetriedFromTheConsole()
    {
        await using var test = await AdminTest.StartAsync(new KestrelCrmApiFactory(("Ingestion:MaxAttempts", "2")));
        var team = await test.Emulator.MailboxAsync();
        Assert.Equal(HttpStatusCode.Created, (await test.Admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" })).Status);
        await test.Emulator.FaultsAsync(new { poisonSubject = "POISON" });
        await test.Emulator.DeliverAsync(team, new { from = "megan@fabrikam.com", to = new[] { team }, subject = "POISON pill", bodyHtml = "<p>x</p>" });
        await Emulator.EventuallyAsync(async () => (await HealthAsync(test, team)).GetProperty("deadLetters").GetInt64() == 1, "one dead letter");
        await test.Emulator.FaultsAsync(new { poisonSubject = "" });

        await test.RunAsync(nameof(APoisonMessage_ItsDeadLetterShownWithTheReason_RetriedFromTheConsole), async () =>
        {
            await test.OpenAsync("/mailboxes");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = $"Details of {team}" }).ClickAsync();
            var dead = test.Page.GetByRole(AriaRole.Table, new() { Name = "Dead letters (1)" });
            await Assertions.Expect(dead).ToContainTextAsync("500");
            await test.ScreenshotAsync("mailboxes-dead-letter");
            await dead.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "1 message queued again" })).ToBeVisibleAsync();
        });
        await Emulator.EventuallyAsync(async () => (await HealthAsync(test, team)).GetProperty("deadLetters").GetInt64() == 0
            && (await HealthAsync(test, team)).GetProperty("done").GetInt64() == 1, "the retried message processed");
    }

    [Fact]
    public async Task ReprocessAPeriod_TheCountQueuedIsShown()
    {
        await using var test = await AdminTest.StartAsync();
        var team = await test.Emulator.MailboxAsync();
        Assert.Equal(HttpStatusCode.Created, (await test.Admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" })).Status);
        for (var i = 0; i < 2; i++)
        {
            await test.Emulator.DeliverAsync(team, new { from = "megan@fabrikam.com", to = new[] { team }, subject = $"Question {i}", bodyHtml = "<p>?</p>" });
        }
        await Emulator.EventuallyAsync(async () => (await HealthAsync(test, team)).GetProperty("done").GetInt64() == 2, "both processed");

        await test.RunAsync(nameof(ReprocessAPeriod_TheCountQueuedIsShown), async () =>
        {
            await test.OpenAsync("/mailboxes");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = $"Details of {team}" }).ClickAsync();
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Reprocess" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "2 messages queued again" })).ToBeVisibleAsync();
            await test.ScreenshotAsync("mailboxes-reprocessed");
        });
    }

    private static async Task<System.Text.Json.JsonElement> HealthAsync(AdminTest test, string address)
    {
        var list = await test.Admin.GetAsync("/api/mailboxes");
        var id = list.Json.GetProperty("items").EnumerateArray().Single(mailbox => mailbox.GetProperty("address").GetString() == address).GetProperty("id").GetGuid();
        return (await test.Admin.GetAsync($"/api/mailboxes/{id}/health")).Json;
    }
}
