using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Read mode: each known person's card and timeline; an unknown one becomes a contact with its company.</summary>
public class ReadCardsBrowserTests
{
    [Fact]
    public async Task Read_WithoutNamingTheUser_TheHarnessSignsInAsTheRecipient_AndShowsTheSendersCard()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.ContactAsync("megan@fabrikam.com");

        await test.RunAsync(nameof(Read_WithoutNamingTheUser_TheHarnessSignsInAsTheRecipient_AndShowsTheSendersCard), async () =>
        {
            // As the README's read example: no ?user=, so the signed-in user is the email's recipient, not its sender.
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?mode=read&from=megan@fabrikam.com&to={Uri.EscapeDataString(test.Rep.Email)}");

            await Assertions.Expect(test.Row("megan@fabrikam.com").GetByRole(AriaRole.Article, new() { Name = "Contact Megan Bowen" })).ToBeVisibleAsync();
            await Assertions.Expect(test.Row(test.Rep.Email)).ToHaveCountAsync(0);
            Assert.Equal(test.Rep.Email, await test.Page.EvaluateAsync<string>("() => window.harness.item.user"));
        });
    }

    [Fact]
    public async Task Read_KnownSender_ShowsTheCardAndTimeline()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var megan = await rep.CreateAsync("contact", new
        {
            name = "Megan Bowen",
            properties = new { jobTitle = "Head of Procurement" },
            emails = new[] { new { address = "megan@fabrikam.com", primary = true } },
        });
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        var deal = await rep.CreateAsync("deal", new { name = "200 seats", stage = "contractSent" });
        var ticket = await rep.CreateAsync("ticket", new { name = "Invoice 1042 missing" });
        foreach (var related in new[] { fabrikam, deal, ticket })
        {
            await rep.AssociateAsync(megan, related);
        }
        await test.Factory.LogAsync(rep.AccountId, [megan], DateTimeOffset.UtcNow.AddDays(-2), subject: "Quote for 200 seats");

        await test.RunAsync(nameof(Read_KnownSender_ShowsTheCardAndTimeline), async () =>
        {
            await test.OpenReadAsync("megan@fabrikam.com");
            var card = test.Row("megan@fabrikam.com").GetByRole(AriaRole.Article, new() { Name = "Contact Megan Bowen" });
            await Assertions.Expect(card).ToContainTextAsync("Head of Procurement · Fabrikam");
            await Assertions.Expect(card).ToContainTextAsync("Owner: Test Rep");
            await Assertions.Expect(card.GetByRole(AriaRole.List, new() { Name = "Open deals" })).ToContainTextAsync("200 seats — Contract sent");
            await Assertions.Expect(card.GetByRole(AriaRole.List, new() { Name = "Open tickets" })).ToContainTextAsync("Invoice 1042 missing — New");
            await Assertions.Expect(card).ToContainTextAsync("Last email 2 days ago: Email - Quote for 200 seats");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of Megan Bowen" })).ToContainTextAsync("Email - Quote for 200 seats");
        });
    }

    [Fact]
    public async Task Read_UnknownSender_CreateContact_JoinsTheCompanyOfTheDomain()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });

        await test.RunAsync(nameof(Read_UnknownSender_CreateContact_JoinsTheCompanyOfTheDomain), async () =>
        {
            await test.OpenReadAsync("alan.steiner@fabrikam.com");
            var row = test.Row("alan.steiner@fabrikam.com");
            await Assertions.Expect(row).ToContainTextAsync("No CRM record");

            await row.GetByRole(AriaRole.Button, new() { Name = "Create a contact for alan.steiner@fabrikam.com" }).ClickAsync();

            await Assertions.Expect(row.GetByRole(AriaRole.Article, new() { Name = "Contact Alan Steiner" })).ToContainTextAsync("Fabrikam");
            await Assertions.Expect(row).Not.ToContainTextAsync("No CRM record");
        });
        var found = (await rep.GetAsync("/api/lookup?email=alan.steiner@fabrikam.com")).Json.GetProperty("results")[0].GetProperty("contacts")[0];
        Assert.Equal(fabrikam, found.GetProperty("companies")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Read_NotLoggedEmail_ShowsWhy_ThenLogThisEmail_LogsItToTheTickedRecords()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var deal = await test.Rep.CreateAsync("deal", new { name = "200 seats" });
        await test.Rep.AssociateAsync(megan, deal);
        var received = await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "Seats", bodyHtml = "<p>How many?</p>" });
        var internetMessageId = received.GetProperty("internetMessageId").GetString()!;

        await test.RunAsync(nameof(Read_NotLoggedEmail_ShowsWhy_ThenLogThisEmail_LogsItToTheTickedRecords), async () =>
        {
            await test.OpenReadAsync("megan@fabrikam.com", internetMessageId, received.GetProperty("id").GetString());
            var status = test.Pane.GetByRole(AriaRole.Status, new() { Name = "Logged status" });
            await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Pending|Not logged): "));
            var logging = test.Pane.GetByRole(AriaRole.Region, new() { Name = "Logging" });
            await Assertions.Expect(logging.GetByRole(AriaRole.Checkbox, new() { Name = "Megan Bowen (Contact) — on this email" })).ToBeCheckedAsync();
            await logging.GetByRole(AriaRole.Checkbox, new() { Name = "200 seats (Deal) — open deal of Megan Bowen" }).CheckAsync();

            await logging.GetByRole(AriaRole.Button, new() { Name = "Log this email" }).ClickAsync();

            await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Logged to (200 seats, Megan Bowen|Megan Bowen, 200 seats)$"));
            await Assertions.Expect(logging.GetByRole(AriaRole.Button, new() { Name = "Add to the ticked records" })).ToBeVisibleAsync();
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of Megan Bowen" })).ToContainTextAsync("Email - Seats");
        });
        Assert.Single(await connected.TimelineAsync("deal", deal));
        Assert.Single(await connected.TimelineAsync("contact", megan));
    }
}
