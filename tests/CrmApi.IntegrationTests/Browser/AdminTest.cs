using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>What every admin console test starts with: the API on Kestrel with the emulator, Chromium, and an admin.</summary>
public sealed class AdminTest : IAsyncDisposable
{
    private AdminTest(KestrelCrmApiFactory factory, BrowserSession session, IPage page, CrmClient admin)
    {
        Factory = factory;
        Session = session;
        Page = page;
        Admin = admin;
    }

    public KestrelCrmApiFactory Factory { get; }

    public BrowserSession Session { get; }

    public IPage Page { get; }

    /// <summary>The admin the console signs in as, for the API calls a test makes beside the page.</summary>
    public CrmClient Admin { get; }

    public Emulator Emulator => new(Factory);

    public static async Task<AdminTest> StartAsync(KestrelCrmApiFactory? factory = null)
    {
        var (session, page) = await BrowserSession.StartAsync();
        factory ??= new KestrelCrmApiFactory();
        try
        {
            await factory.InitializeAsync();
            return new AdminTest(factory, session, page, await CrmClient.SignInAsync(factory));
        }
        catch
        {
            await session.DisposeAsync();
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a page of the console signed in (the dev issuer) as the test's admin, or as a user with Crm.User only.</summary>
    public async Task OpenAsync(string path = "/", string role = "Crm.Admin", string? email = null)
    {
        await Page.GotoAsync($"{Factory.BaseUrl}/admin{path}?as={Uri.EscapeDataString(email ?? Admin.Email)}&role={role}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Admin console" })).ToBeVisibleAsync();
    }

    /// <summary>Moves to another page through the navigation, as an admin would.</summary>
    public async Task GoToAsync(string label)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Admin console" }).GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of the page under the test output's screenshots folder (the note's pictures).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"admin-{name}.png"), FullPage = true });
    }

    /// <summary>Runs the steps, saving a screenshot if they fail; then nothing may have been refused by the console's CSP.</summary>
    public async Task RunAsync(string name, Func<Task> steps)
    {
        await BrowserSession.WithScreenshotOnFailureAsync(Page, name, steps);
        Session.AssertNothingRefused();
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
