using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Inserting library content from the compose pane into Outlook's editor (the harness's simulated item).</summary>
public class InsertContentBrowserTests
{
    private static async Task<Guid> ContentAsync(CrmClient rep, object body) => (await rep.PostAsync("/api/content", body)).Json.GetProperty("id").GetGuid();

    [Fact]
    public async Task InsertTemplateAndQuote_PersonalisedIntoTheItem_ThenTheTimelineNamesThem()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var connected = await ConnectedRep.CreateAsync(test.Factory, rep);
        var megan = await rep.CreateAsync("contact", new { name = "Megan Bowen", properties = new { firstName = "Megan" }, emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        await rep.AssociateAsync(megan, fabrikam);
        await rep.AssociateAsync(megan, deal);
        await ContentAsync(rep, new { kind = "template", name = "Pricing follow-up", subject = "Pricing for {{company.name}}", bodyHtml = "<p>Hi {{contact.firstName|there}},</p>" });
        await ContentAsync(rep, new
        {
            kind = "quote",
            name = "200 seats",
            dealId = deal,
            quote = new { currency = "EUR", lineItems = new[] { new { name = "Seat", quantity = 200, unitPrice = 10 } }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) },
        });

        await test.RunAsync(nameof(InsertTemplateAndQuote_PersonalisedIntoTheItem_ThenTheTimelineNamesThem), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com", connected.Address);
            var library = test.Pane.GetByRole(AriaRole.List, new() { Name = "Library" });
            await library.GetByRole(AriaRole.Button, new() { Name = "Insert Pricing follow-up" }).ClickAsync();
            await Assertions.Expect(test.Page.Locator("#subject")).ToHaveValueAsync("Pricing for Fabrikam");
            await Assertions.Expect(test.Page.Locator("#body")).ToHaveValueAsync("<p>Hi Megan,</p>");

            await library.GetByRole(AriaRole.Button, new() { Name = "Insert 200 seats" }).ClickAsync();
            await Assertions.Expect(test.Page.Locator("#body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
                "^<p>Hi Megan,</p><a href=\"http://127\\.0\\.0\\.1:\\d+/quotes/[A-Za-z0-9_-]{32}\">Quote: 200 seats \\(2,000 EUR\\)</a>$"));
            await test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "200 seats (Deal) — open deal of Megan Bowen" }).CheckAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(deal), "the deal in the saved log intent");

            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
            await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal's timeline");
            var entry = Assert.Single(await connected.TimelineAsync("contact", megan));
            Assert.Equal(["Template: Pricing follow-up", "Quote: 200 seats"], entry.GetProperty("inserted").EnumerateArray().Select(label => label.GetString()));

            await test.OpenRecordAsync("200 seats", "Deal");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of 200 seats" }).GetByLabel("Inserted content"))
                .ToHaveTextAsync("Template: Pricing follow-up · Quote: 200 seats");
        });
    }

    [Fact]
    public async Task TokenWithoutAValue_IsShownBeforeInserting_AndNothingIsInsertedUntilTheRepAgrees()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        await rep.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        await ContentAsync(rep, new { kind = "snippet", name = "Amount", bodyHtml = "<p>The total is {{deal.amount}}.</p>" });

        await test.RunAsync(nameof(TokenWithoutAValue_IsShownBeforeInserting_AndNothingIsInsertedUntilTheRepAgrees), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Insert Amount" }).ClickAsync();

            await Assertions.Expect(test.Pane.GetByText("“Amount” has no value for the deal's amount: that part will be blank.")).ToBeVisibleAsync();
            await Assertions.Expect(test.Page.Locator("#body")).ToHaveValueAsync("");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Insert anyway" }).ClickAsync();
            await Assertions.Expect(test.Page.Locator("#body")).ToHaveValueAsync("<p>The total is .</p>");
        });
    }

    [Fact]
    public async Task SaveTheSelectionAsASnippet_SharedWithTheRepsTeam_ThenItIsInTheLibrary()
    {
        await using var test = await PaneTest.StartAsync();
        var team = (await test.Rep.PostAsync("/api/teams", new { name = "EMEA sales", memberIds = Array.Empty<Guid>() })).Json.GetProperty("id").GetGuid();

        await test.RunAsync(nameof(SaveTheSelectionAsASnippet_SharedWithTheRepsTeam_ThenItIsInTheLibrary), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            await test.Page.FillAsync("#body", "<p>Intro</p><p>Our standard terms apply.</p>");
            await test.Page.EvaluateAsync("() => { const body = document.getElementById('body'); body.selectionStart = 12; body.selectionEnd = body.value.length; }");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Save the selection as a template or snippet" }).ClickAsync();
            await test.Pane.GetByLabel("Name").FillAsync("Standard terms");
            await test.Pane.GetByLabel("Shared with").SelectOptionAsync(new SelectOptionValue { Label = "Team EMEA sales" });
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Assertions.Expect(test.Pane.GetByText("Saved “Standard terms” from the selection.")).ToBeVisibleAsync();
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.List, new() { Name = "Library" })).ToContainTextAsync("Standard terms");
        });
        var saved = Assert.Single((await test.Rep.GetAsync("/api/content?kind=snippet")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal("<p>Our standard terms apply.</p>", saved.GetProperty("bodyHtml").GetString());
        Assert.Equal("team", saved.GetProperty("sharing").GetString());
        Assert.Equal(team, saved.GetProperty("teamId").GetGuid());
    }

    [Fact]
    public async Task EditOwnSnippet_RenamedAndItsTextReplacedByTheSelection_OthersItemsHaveNoEdit()
    {
        await using var test = await PaneTest.StartAsync();
        var snippet = await ContentAsync(test.Rep, new { kind = "snippet", name = "Terms", bodyHtml = "<p>Old terms</p>" });
        var teammate = await CrmClient.SignInAsync(test.Factory, $"kim@{test.Rep.Email[(test.Rep.Email.IndexOf('@') + 1)..]}");
        await ContentAsync(teammate, new { kind = "snippet", name = "Kim's greeting", bodyHtml = "<p>Hello</p>", sharing = "everyone" });

        await test.RunAsync(nameof(EditOwnSnippet_RenamedAndItsTextReplacedByTheSelection_OthersItemsHaveNoEdit), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            var library = test.Pane.GetByRole(AriaRole.List, new() { Name = "Library" });
            await Assertions.Expect(library).ToContainTextAsync("Kim's greeting");
            await Assertions.Expect(library.GetByRole(AriaRole.Button, new() { Name = "Edit Kim's greeting" })).ToHaveCountAsync(0);
            await test.Page.FillAsync("#body", "<p>New terms 2027</p>");
            await test.Page.EvaluateAsync("() => { const body = document.getElementById('body'); body.selectionStart = 0; body.selectionEnd = body.value.length; }");

            await library.GetByRole(AriaRole.Button, new() { Name = "Edit Terms" }).ClickAsync();
            var form = test.Pane.GetByRole(AriaRole.Form, new() { Name = "Edit Terms" });
            await form.GetByLabel("Name").FillAsync("Terms 2027");
            await form.GetByRole(AriaRole.Checkbox).CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

            await Assertions.Expect(library).ToContainTextAsync("Terms 2027");
        });
        var saved = (await test.Rep.GetAsync($"/api/content/{snippet}")).Json;
        Assert.Equal("Terms 2027", saved.GetProperty("name").GetString());
        Assert.Equal("<p>New terms 2027</p>", saved.GetProperty("bodyHtml").GetString());
    }
}
