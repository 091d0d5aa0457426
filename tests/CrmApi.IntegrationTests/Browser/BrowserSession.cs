using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright for .NET (its own browser download does not work here). A test
/// without Chromium on the machine is skipped with that reason; the README's test command installs it.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static async Task<(BrowserSession Session, IPage Page)> StartAsync()
    {
        Assert.SkipUnless(File.Exists(ChromiumPath), $"No Chromium at {ChromiumPath}: install Debian's chromium package (the README's test command does).");
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await session._browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });
        // Microsoft's CDN is out of reach here and never needed: the harness loads the fake Office.js.
        await page.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.AbortAsync());
        return (session, page);
    }

    /// <summary>Runs the steps; on failure a screenshot is saved next to the test results, then the failure goes on.</summary>
    public static async Task WithScreenshotOnFailureAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
