using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.IntegrationTests.TeamMailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Team and shared mailboxes in the pane (issue 20): reply from the team's copy, log from it, no teammate note for it.</summary>
public class TeamMailboxBrowserTests
{
    private static ILocator Entry(PaneTest test, Guid emailId) => test.Pane.Locator($"li[data-email='{emailId}']");

    private static async Task<List<Guid>> TimelineAsync(CrmClient rep, string type, Guid record) =>
        (await rep.GetAsync($"/api/records/{type}/{record}/timeline?limit=100")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("emailId").GetGuid()).ToList();

    [Fact]
    public async Task Reply_FromATeamMailboxsEntry_OpensTheTeamsCopy_AndTheReplyOnATicketBringsTheEarlierThread()
    {
        await using var test = await PaneTest.StartAsync();
        var sales = await TeamMailbox.CreateAsync(test.Factory, test.Rep);
        await sales.MembersAsync(test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var ticket = await test.Rep.CreateAsync("ticket", new { name = "Licence keys for Lisbon", status = "new" });
        var (id, internetMessageId) = await sales.ReceiveAsync("megan@fabrikam.com", "50 more seats");
        var question = (await test.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan }, mailbox = sales.Address })).Json.GetProperty("emailId").GetGuid();

        await test.RunAsync(nameof(Reply_FromATeamMailboxsEntry_OpensTheTeamsCopy_AndTheReplyOnATicketBringsTheEarlierThread), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            var entry = Entry(test, question);
            await entry.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
            await Assertions.Expect(entry.GetByRole(AriaRole.Status)).ToContainTextAsync($"Opened {sales.Address}'s copy in Outlook");
            var regular = "AQMk" + id[4..];
            Assert.Equal([regular.Replace('-', '+').Replace('_', '/')], await test.Page.EvaluateAsync<string[]>("() => window.harness.openedMessages"));

            // Outlook's Reply on the opened item: the reply form of the team mailbox's copy.
            await test.Page.EvaluateAsync("() => window.harness.reply(false)");
            Assert.Equal(sales.Address, await test.Page.InputValueAsync("#from"));
            Assert.Equal("RE: 50 more seats", await test.Page.InputValueAsync("#subject"));
            Assert.Equal(internetMessageId, await test.Page.EvaluateAsync<string>("() => window.harness.item.inReplyTo"));
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            await test.Pane.GetByRole(AriaRole.Searchbox, new() { Name = "Add any record" }).FillAsync("licence keys");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Licence keys for Lisbon (Ticket)" }).ClickAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(ticket), "the ticket in the saved log intent");
            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
        });
        // The team's reply is on the ticket, and the customer's question it answers followed it there.
        await Emulator.EventuallyAsync(async () => (await TimelineAsync(test.Rep, "ticket", ticket)).Count == 2, "the reply and the earlier thread on the ticket");
        var onTicket = await TimelineAsync(test.Rep, "ticket", ticket);
        Assert.Contains(question, onTicket);
        var reply = (await test.Rep.GetAsync($"/api/emails/{onTicket.Single(emailId => emailId != question)}")).Json;
        Assert.Equal(sales.Address, reply.GetProperty("from").GetProperty("address").GetString());
    }

    [Fact]
    public async Task LogThisEmail_OnASharedMailboxItem_LogsItFromThatMailbox()
    {
        await using var test = await PaneTest.StartAsync();
        var sales = await TeamMailbox.CreateAsync(test.Factory, test.Rep);
        await sales.MembersAsync(test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var (id, internetMessageId) = await sales.ReceiveAsync("megan@fabrikam.com", "Seats for Lisbon");

        await test.RunAsync(nameof(LogThisEmail_OnASharedMailboxItem_LogsItFromThatMailbox), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?mode=read&shared={Uri.EscapeDataString(sales.Address)}&from=megan@fabrikam.com"
                + $"&to={Uri.EscapeDataString(sales.Address)}&user={Uri.EscapeDataString(test.Rep.Email)}&internetMessageId={Uri.EscapeDataString(internetMessageId)}&itemId={Uri.EscapeDataString(id)}");
            // The team's address is "us" in its own item: no row offering to make it a contact.
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            await Assertions.Expect(test.Row(sales.Address)).ToHaveCountAsync(0);
            var logging = test.Pane.GetByRole(AriaRole.Region, new() { Name = "Logging" });
            await Assertions.Expect(logging.GetByRole(AriaRole.Checkbox, new() { Name = "Megan Bowen (Contact) — on this email" })).ToBeCheckedAsync();

            await logging.GetByRole(AriaRole.Button, new() { Name = "Log this email" }).ClickAsync();

            var status = test.Pane.GetByRole(AriaRole.Status, new() { Name = "Logged status" });
            await Assertions.Expect(status).ToHaveTextAsync("Logged to Megan Bowen");
        });
        Assert.Single(await TimelineAsync(test.Rep, "contact", megan));
    }

    [Fact]
    public async Task Reply_ToAnEmailTheHelpDeskSent_IsNotToATeammate_AndGoesToTheCustomer()
    {
        await using var test = await PaneTest.StartAsync();
        var helpdesk = await TeamMailbox.CreateAsync(test.Factory, test.Rep, "helpdesk", $"support-{Guid.NewGuid():N}");
        // Someone signed in as the help desk's address (the demo's support@ does): a mailbox still, not a person.
        await CrmClient.SignInAsync(test.Factory, helpdesk.Address);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var email = await test.Factory.LogAsync(test.Rep.AccountId, [megan], DateTimeOffset.UtcNow.AddHours(-1), subject: "Your ticket",
            from: new Mailbox(helpdesk.Address, "Support"), to: [new Mailbox("megan@fabrikam.com", "Megan Bowen")]);

        await test.RunAsync(nameof(Reply_ToAnEmailTheHelpDeskSent_IsNotToATeammate_AndGoesToTheCustomer), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            await Entry(test, email).GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();

            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            Assert.Equal("RE: Your ticket", await test.Page.InputValueAsync("#subject"));
            // No "a reply goes to them only" stop (a teammate's email stops there, and no message opens): the customer.
            Assert.Equal(["megan@fabrikam.com"], await test.Page.EvaluateAsync<string[]>("() => window.harness.item.to"));
        });
    }
}
