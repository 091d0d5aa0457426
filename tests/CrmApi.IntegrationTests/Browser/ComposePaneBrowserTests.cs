using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The real pane in headless Chromium, inside the harness, against the API on Kestrel with the emulator.</summary>
public class ComposePaneBrowserTests
{
    [Fact]
    public async Task Compose_RecipientWithoutBasis_NeedsBasis_ThenOkOnceABasisIsGiven()
    {
        await using var factory = new KestrelCrmApiFactory();
        await factory.InitializeAsync();
        var (session, page) = await BrowserSession.StartAsync();
        await using var _ = session;
        var rep = await CrmClient.SignInAsync(factory);
        await rep.SetPrivacyAsync(true);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        await rep.SubscribeAsync(lee);

        await BrowserSession.WithScreenshotOnFailureAsync(page, nameof(Compose_RecipientWithoutBasis_NeedsBasis_ThenOkOnceABasisIsGiven), async () =>
        {
            await page.GotoAsync($"{factory.BaseUrl}/addin/harness.html?from={Uri.EscapeDataString(rep.Email)}&to=megan@fabrikam.com,lee@northwind.example.com");
            var pane = page.FrameLocator("#pane");
            var meganRow = pane.Locator("li[data-address='megan@fabrikam.com']");
            await Assertions.Expect(meganRow.GetByLabel("Legal basis: Needs basis")).ToBeVisibleAsync();
            await Assertions.Expect(pane.Locator("li[data-address='lee@northwind.example.com']").GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
            await Assertions.Expect(meganRow.GetByRole(AriaRole.Button, new() { Name = "Give a one-time legal basis" })).ToBeVisibleAsync();

            await rep.OneTimeBasisAsync(megan);
            await page.FillAsync("#to", "megan@fabrikam.com, lee@northwind.example.com");
            await page.DispatchEventAsync("#to", "change");

            await Assertions.Expect(meganRow.GetByLabel("Legal basis: OK")).ToBeVisibleAsync();
        });
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

    private sealed class WithoutEmulatorFactory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Graph:Emulator", "false"), ("Ingestion:Enabled", "false")];
    }
}
