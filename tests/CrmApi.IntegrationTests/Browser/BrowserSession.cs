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

    /// <summary>
    /// What the page's Content-Security-Policy refused, in any of its frames (the harness, the pane, the event page):
    /// the pane must work under its real policy, so a refusal fails the test (<see cref="AssertNothingRefused"/>).
    /// </summary>
    public List<string> PolicyViolations { get; } = [];

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
        // An exposed function reaches every frame of the page; the listener is added to each frame before its scripts run.
        await page.ExposeFunctionAsync("reportPolicyViolation", (string violation) =>
        {
            lock (session.PolicyViolations)
            {
                session.PolicyViolations.Add(violation);
            }
        });
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) =>
              window.reportPolicyViolation(`${location.pathname}: ${e.effectiveDirective} refused ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
            """);
        // And the browser's own console line for it, in case a refusal comes before the listener.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (session.PolicyViolations)
                {
                    session.PolicyViolations.Add(message.Text);
                }
            }
        };
        // Microsoft's CDN is out of reach here and never needed: the harness loads the fake Office.js.
        await page.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.AbortAsync());
        return (session, page);
    }

    public void AssertNothingRefused()
    {
        lock (PolicyViolations)
        {
            Assert.True(PolicyViolations.Count == 0, "The Content-Security-Policy refused:\n" + string.Join("\n", PolicyViolations));
        }
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
