using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The real pane in headless Chromium, inside the harness, against the API on Kestrel with the emulator.</summary>
public class ComposePaneBrowserTests
{
    [Fact]
    public async Task Compose_RecipientWithoutBasis_NeedsBasis_ThenOkOnceABasisIsGiven()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        await rep.SetPrivacyAsync(true);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        await rep.SubscribeAsync(lee);

        await test.RunAsync(nameof(Compose_RecipientWithoutBasis_NeedsBasis_ThenOkOnceABasisIsGiven), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com,lee@northwind.example.com");
            var meganRow = test.Row("megan@fabrikam.com");
            await Assertions.Expect(meganRow.GetByLabel("Legal basis: Needs basis")).ToBeVisibleAsync();
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
            await Assertions.Expect(meganRow.GetByRole(AriaRole.Button, new() { Name = "Give a one-time legal basis" })).ToBeVisibleAsync();

            await rep.OneTimeBasisAsync(megan);
            await test.Page.FillAsync("#to", "megan@fabrikam.com, lee@northwind.example.com");
            await test.Page.DispatchEventAsync("#to", "change");

            await Assertions.Expect(meganRow.GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
        });
    }

    /// <summary>
    /// The issue's acceptance flow: two recipients, one without a basis; the rep fixes it and picks the deal in the pane,
    /// sends, and the email is on the contact's and the deal's timelines — through the API and on screen.
    /// </summary>
    [Fact]
    public async Task Compose_GiveBasisAndPickDealInThePane_SentEmailLoggedToContactAndDeal()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var connected = await ConnectedRep.CreateAsync(test.Factory, rep);
        await rep.SetPrivacyAsync(true);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        await rep.SubscribeAsync(lee);
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        await rep.AssociateAsync(megan, deal);

        await test.RunAsync(nameof(Compose_GiveBasisAndPickDealInThePane_SentEmailLoggedToContactAndDeal), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com,lee@northwind.example.com", connected.Address, "200 seats");
            var meganRow = test.Row("megan@fabrikam.com");
            await Assertions.Expect(meganRow.GetByLabel("Legal basis: Needs basis")).ToBeVisibleAsync();
            await Assertions.Expect(test.Row("lee@northwind.example.com").GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
            var dealBox = test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "200 seats (Deal) — open deal of Megan Bowen" });
            await Assertions.Expect(dealBox).Not.ToBeCheckedAsync();

            await meganRow.GetByRole(AriaRole.Button, new() { Name = "Give a one-time legal basis" }).ClickAsync();
            await meganRow.GetByLabel("Explanation").FillAsync("Asked for a quote at the fair");
            await meganRow.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(meganRow.GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
            await dealBox.CheckAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(deal), "the deal in the saved log intent");

            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");

            await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal's timeline");
            var onContact = Assert.Single(await connected.TimelineAsync("contact", megan));
            Assert.Equal("Email - 200 seats", onContact.GetProperty("title").GetString());
            Assert.Single(await connected.TimelineAsync("contact", lee));
            var basis = Assert.Single(await rep.AuditAsync(megan), entry => entry.GetProperty("reason").GetString() == "oneTime");
            Assert.Equal("Asked for a quote at the fair", basis.GetProperty("explanation").GetString());
            Assert.Equal(await test.StampedTrackingIdAsync(), basis.GetProperty("trackingId").GetString());

            // On screen: the deal found in the pane shows the email on its timeline.
            await test.OpenRecordAsync("200 seats", "Deal");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of 200 seats" })).ToContainTextAsync("Email - 200 seats");
        });
    }

    [Fact]
    public async Task Compose_SignInFails_SaysTheRepIsNotSignedIn_AndRetryRecovers()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.ContactAsync("megan@fabrikam.com");

        await test.RunAsync(nameof(Compose_SignInFails_SaysTheRepIsNotSignedIn_AndRetryRecovers), async () =>
        {
            await test.Page.RouteAsync("**/dev/token", route => route.FulfillAsync(new() { Status = 500 }));
            await test.OpenComposeAsync("megan@fabrikam.com");
            var alert = test.Pane.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToContainTextAsync("You are not signed in to OutlookCrm");

            await test.Page.UnrouteAllAsync();
            await alert.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
        });
    }

    /// <summary>Outlook's dark theme and its narrowest pane (320 px, as on mobile): dark colours, nothing cut off sideways.</summary>
    [Fact]
    public async Task Compose_DarkThemeAt320Pixels_FollowsOffice_AndNeverScrollsSideways()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        await test.Rep.ContactAsync("megan.bowen.with.a.long.address@fabrikam-international-holdings.example.com");

        await test.RunAsync(nameof(Compose_DarkThemeAt320Pixels_FollowsOffice_AndNeverScrollsSideways), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?from={Uri.EscapeDataString(connected.Address)}"
                + "&to=megan.bowen.with.a.long.address@fabrikam-international-holdings.example.com,nobody.known@tailspin.example.com&theme=dark&width=320");
            await Assertions.Expect(test.Pane.GetByLabel("From mailbox")).ToContainTextAsync("your inbox, connected to OutlookCrm");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Button, new() { Name = "Create a contact for nobody.known@tailspin.example.com" })).ToBeVisibleAsync();

            var pane = test.Page.Frame("pane") ?? test.Page.Frames.Single(frame => frame.Url.Contains("/addin/index.html", StringComparison.Ordinal));
            var background = await pane.EvaluateAsync<int[]>("() => getComputedStyle(document.querySelector('main')).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
            Assert.True(background.Average() < 80, $"the pane's background is not dark: rgb({string.Join(", ", background)})");
            var widths = await pane.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"the pane scrolls sideways at 320 px: {widths[0]} > {widths[1]}");
            Assert.Equal(320, widths[1]);
        });
    }

    [Fact]
    public async Task Compose_OptedOutContact_OffersOnlyTheTransactionalBasis_WithItsConfirmation()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.SetPrivacyAsync(true);
        await test.Rep.OptOutAsync(await test.Rep.ContactAsync("megan@fabrikam.com"));

        await test.RunAsync(nameof(Compose_OptedOutContact_OffersOnlyTheTransactionalBasis_WithItsConfirmation), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            var meganRow = test.Row("megan@fabrikam.com");
            await Assertions.Expect(meganRow.GetByLabel("Legal basis: Opted out")).ToBeVisibleAsync();
            await Assertions.Expect(meganRow.GetByRole(AriaRole.Button)).ToHaveTextAsync(["One-time basis for a transactional email"]);

            await meganRow.GetByRole(AriaRole.Button, new() { Name = "One-time basis for a transactional email" }).ClickAsync();
            await meganRow.GetByLabel("Explanation").FillAsync("Invoice for order 1042");
            var save = meganRow.GetByRole(AriaRole.Button, new() { Name = "Save" });
            await Assertions.Expect(save).ToBeDisabledAsync();
            await meganRow.GetByRole(AriaRole.Checkbox, new() { Name = "This email is transactional and non-commercial" }).CheckAsync();
            await save.ClickAsync();

            await Assertions.Expect(meganRow.GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
        });
    }

    /// <summary>The API unreachable from the browser (every /api call fails at the network): an error with a retry that recovers.</summary>
    [Fact]
    public async Task Compose_ApiUnreachable_ShowsTheErrorWithRetry_ThenRecovers()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.ContactAsync("megan@fabrikam.com");

        await test.RunAsync(nameof(Compose_ApiUnreachable_ShowsTheErrorWithRetry_ThenRecovers), async () =>
        {
            await test.Page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));
            await test.OpenComposeAsync("megan@fabrikam.com");
            var alert = test.Pane.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToContainTextAsync("OutlookCrm cannot be reached. Nothing is logged until it is back.");
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToHaveCountAsync(0);
            // Nothing registered for this email while the API was away: no intent, so nothing claims it is logged.
            var trackingId = await test.StampedTrackingIdAsync();
            Assert.NotNull(trackingId);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await test.Rep.GetAsync($"/api/log-intents/{trackingId}")).Status);
            await Assertions.Expect(test.Pane.GetByText("Logged", new() { Exact = true })).ToHaveCountAsync(0);

            await test.Page.UnrouteAllAsync();
            await alert.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

            await Assertions.Expect(test.Row("megan@fabrikam.com").GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
        });
    }

    /// <summary>Outlook failing to save either stamp: the rep is told the picks may not be used, never left to believe they will.</summary>
    [Fact]
    public async Task Compose_StampCannotBeSaved_WarnsThatThePicksMayNotBeUsed()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.ContactAsync("megan@fabrikam.com");

        await test.RunAsync(nameof(Compose_StampCannotBeSaved_WarnsThatThePicksMayNotBeUsed), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?from={Uri.EscapeDataString(test.Rep.Email)}&to=megan@fabrikam.com&fail=customProperties,internetHeaders");

            await Assertions.Expect(test.Pane.GetByText("OutlookCrm could not mark this email (The item could not be saved.)")).ToBeVisibleAsync();
            await Assertions.Expect(test.Row("megan@fabrikam.com").GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
        });
    }

    /// <summary>The custom property fails but the header is written: the header alone names the email, and the picks are used.</summary>
    [Fact]
    public async Task Compose_OnlyTheCustomPropertyFails_TheHeaderCarriesTheStamp_AndThePicksAreUsed()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");

        await test.RunAsync(nameof(Compose_OnlyTheCustomPropertyFails_TheHeaderCarriesTheStamp_AndThePicksAreUsed), async () =>
        {
            await test.Page.GotoAsync($"{test.Factory.BaseUrl}/addin/harness.html?from={Uri.EscapeDataString(connected.Address)}&to=megan@fabrikam.com&subject=Header%20only&fail=customProperties");
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            string? header = null;
            await Emulator.EventuallyAsync(async () =>
            {
                header = await test.Page.EvaluateAsync<string?>("() => window.harness.item.internetHeaders['x-outlookcrm-tracking'] ?? null");
                return header is not null && (await test.Rep.GetAsync($"/api/log-intents/{header}")).Json.TryGetProperty("associations", out var picked)
                    && picked.EnumerateArray().Any(id => id.GetGuid() == megan);
            }, "the pane's picks saved under the header's id");
            Assert.Null(await test.StampedTrackingIdAsync());
            Assert.Equal(0, await test.Pane.GetByText("OutlookCrm could not mark this email").CountAsync());

            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
        });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the email on Megan's timeline by the header's stamp");
    }

    [Fact]
    public async Task HarnessAndFakeOffice_NotServedWithoutTheEmulator()
    {
        await using var factory = new WithoutEmulatorFactory();
        using var http = factory.CreateClient();

        var harness = await http.GetAsync(new Uri("/addin/harness.html", UriKind.Relative), TestContext.Current.CancellationToken);
        var pane = await http.GetAsync(new Uri("/addin/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, harness.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, pane.StatusCode);
    }

    /// <summary>The records the pane saved for the email it stamped, read back through the API.</summary>

    private sealed class WithoutEmulatorFactory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Graph:Emulator", "false"), ("Ingestion:Enabled", "false")];
    }
}
