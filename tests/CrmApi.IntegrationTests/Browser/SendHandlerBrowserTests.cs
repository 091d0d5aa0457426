using System.Text.Json;
using Microsoft.Playwright;
using OutlookCrm.CrmApi.Hosting.Addin;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// The Smart Alerts handler (OnMessageSend) in Chromium: the harness runs the add-in's event page as Outlook does and
/// asks it before every Send. The script is the one CrmApi serves, with its base URL written in.
/// </summary>
public class SendHandlerBrowserTests
{
    private static async Task<JsonElement> SendAnswerAsync(PaneTest test)
    {
        await test.Page.ClickAsync("#send");
        await Assertions.Expect(test.Page.Locator("#result")).Not.ToBeEmptyAsync();
        return JsonDocument.Parse(await test.Page.EvaluateAsync<string>("() => JSON.stringify(window.harness.lastSendAnswer)")).RootElement;
    }

    private static async Task<List<Guid>> ConfirmedClosedTicketsAsync(PaneTest test)
    {
        var intent = await test.Rep.GetAsync($"/api/log-intents/{await test.StampedTrackingIdAsync()}");
        return intent.Status == System.Net.HttpStatusCode.OK ? intent.Json.GetProperty("confirmedClosedTickets").EnumerateArray().Select(id => id.GetGuid()).ToList() : [];
    }

    private static async Task EventsReadyAsync(PaneTest test) =>
        await Emulator.EventuallyAsync(async () =>
            (await test.Page.EvaluateAsync<string[]?>("() => document.getElementById('events').contentWindow.harnessActions?.() ?? null"))?.Length == 3,
            "the event script's handlers associated");

    [Fact]
    public async Task Send_ToAContactWithoutBasis_IsBlockedNamingThem_WithTheFixButton()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.SetPrivacyAsync(true);
        await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");

        await test.RunAsync(nameof(Send_ToAContactWithoutBasis_IsBlockedNamingThem_WithTheFixButton), async () =>
        {
            await test.OpenComposeAsync("lee@northwind.example.com");
            await EventsReadyAsync(test);
            var associated = await test.Page.EvaluateAsync<string[]>("() => document.getElementById('events').contentWindow.harnessActions()");
            Assert.Equal(AddinManifest.EventFunctions.Order(), associated);

            var answer = await SendAnswerAsync(test);

            Assert.False(answer.GetProperty("allowEvent").GetBoolean());
            var message = answer.GetProperty("errorMessage").GetString()!;
            Assert.Equal("OutlookCrm: no legal basis to email Lee Gu (no legal basis). Give a basis in OutlookCrm, or remove them.", message);
            Assert.Equal("Fix in OutlookCrm", answer.GetProperty("cancelLabel").GetString());
            Assert.Equal("OutlookCrm.ComposePane", answer.GetProperty("commandId").GetString());
            await Assertions.Expect(test.Page.Locator("#result")).ToHaveTextAsync($"Not sent: {message} [Fix in OutlookCrm]");
            var ms = answer.GetProperty("ms").GetDouble();
            TestContext.Current.TestOutputHelper?.WriteLine($"send handler: {ms:F0} ms");
            Assert.True(ms < 1000, $"the send handler took {ms:F0} ms with the API on localhost");
        });
    }

    [Fact]
    public async Task Send_WithATicketPickedInThePane_PassesAsTransactional()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        await test.Rep.SetPrivacyAsync(true);
        var lee = await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var ticket = await test.Rep.CreateAsync("ticket", new { name = "Invoices do not sync" });
        await test.Rep.AssociateAsync(lee, ticket);

        await test.RunAsync(nameof(Send_WithATicketPickedInThePane_PassesAsTransactional), async () =>
        {
            await test.OpenComposeAsync("lee@northwind.example.com", connected.Address, "Your invoices");
            await EventsReadyAsync(test);
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: Needs basis")).ToBeVisibleAsync();
            await test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Invoices do not sync (Ticket) — open ticket of Lee Gu" }).CheckAsync();
            // The pane asks again with the ticket: the badge says why this email may go.
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: Exempt (ticket)")).ToBeVisibleAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(ticket), "the ticket in the saved log intent");

            var answer = await SendAnswerAsync(test);

            Assert.True(answer.GetProperty("allowEvent").GetBoolean(), answer.GetRawText());
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
            var ms = answer.GetProperty("ms").GetDouble();
            TestContext.Current.TestOutputHelper?.WriteLine($"send handler: {ms:F0} ms");
            Assert.True(ms < 1000, $"the send handler took {ms:F0} ms with the API on localhost");
        });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("ticket", ticket)).Count == 1, "the email on the ticket's timeline");
    }

    [Fact]
    public async Task Send_WithAClosedTicketPicked_BlockedUntilTheRepSaysTheEmailConcernsIt()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.SetPrivacyAsync(true);
        var lee = await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var ticket = await test.Rep.CreateAsync("ticket", new { name = "Refund 1042", status = "closed" });
        await test.Rep.AssociateAsync(lee, ticket);

        await test.RunAsync(nameof(Send_WithAClosedTicketPicked_BlockedUntilTheRepSaysTheEmailConcernsIt), async () =>
        {
            await test.OpenComposeAsync("lee@northwind.example.com");
            await EventsReadyAsync(test);
            await test.Pane.GetByRole(AriaRole.Searchbox, new() { Name = "Add any record" }).FillAsync("refund 10");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Refund 1042 (Ticket)" }).ClickAsync();
            var concerns = test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "“Refund 1042” is closed: this email concerns it" });
            await Assertions.Expect(concerns).Not.ToBeCheckedAsync();
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: Needs basis")).ToBeVisibleAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(ticket), "the ticket in the saved log intent");
            var blocked = await SendAnswerAsync(test);

            await concerns.CheckAsync();
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: Exempt (ticket)")).ToBeVisibleAsync();
            await Emulator.EventuallyAsync(async () => (await ConfirmedClosedTicketsAsync(test)).Contains(ticket), "the confirmation in the saved log intent");
            // The first answer is still on the page: wait for the new one, not for any.
            await test.Page.EvaluateAsync("() => { window.harness.lastSendAnswer = null; }");
            await test.Page.ClickAsync("#send");
            await test.Page.WaitForFunctionAsync("() => window.harness.lastSendAnswer !== null");
            var sent = JsonDocument.Parse(await test.Page.EvaluateAsync<string>("() => JSON.stringify(window.harness.lastSendAnswer)")).RootElement;

            Assert.False(blocked.GetProperty("allowEvent").GetBoolean(), blocked.GetRawText());
            Assert.True(sent.GetProperty("allowEvent").GetBoolean(), sent.GetRawText());
        });
    }

    [Fact]
    public async Task Send_WhenTheApiDoesNotAnswerInTime_IsAllowed_AndTheEmailIsMarkedForReview()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        await test.Rep.SetPrivacyAsync(true);
        var lee = await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");

        await test.RunAsync(nameof(Send_WhenTheApiDoesNotAnswerInTime_IsAllowed_AndTheEmailIsMarkedForReview), async () =>
        {
            await test.OpenComposeAsync("lee@northwind.example.com", connected.Address, "Hello");
            await EventsReadyAsync(test);
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(lee), "the contact in the saved log intent");
            // The recipients-changed event left its check (blocked: Lee has no basis) in the item's session data.
            await Emulator.EventuallyAsync(async () => await test.Page.EvaluateAsync<string?>("() => window.harness.item.sessionData['outlookcrm.precheck'] ?? null") is not null,
                "the precheck in the session data");
            // The CRM hangs: the check is held far past the handler's budget.
            await test.Page.Context.RouteAsync("**/api/compose/send-check", async route =>
            {
                await Task.Delay(TimeSpan.FromSeconds(8));
                await route.AbortAsync();
            });

            var answer = await SendAnswerAsync(test);

            Assert.True(answer.GetProperty("allowEvent").GetBoolean(), answer.GetRawText());
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
            Assert.Equal("sendCheckUnavailable; blocked when the recipients were last checked",
                await test.Page.EvaluateAsync<string>("() => window.harness.item.customProperties.reviewReason"));
            var ms = answer.GetProperty("ms").GetDouble();
            Assert.InRange(ms, 2900, 4500);
        });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", lee)).Count == 1, "the email logged");
        var entry = Assert.Single(await connected.TimelineAsync("contact", lee));
        Assert.Contains("REVIEW: sent without the legal-basis check (sendCheckUnavailable; blocked when the recipients were last checked)",
            entry.GetProperty("loggedBecause").GetString(), StringComparison.Ordinal);
    }
}
