using Microsoft.Playwright;

namespace OutlookCrm.Bench;

/// <summary>
/// The read pane in headless Chromium (Debian's, as the browser tests use) inside the harness, against the server:
/// the time from Office.onReady to the sender's CRM records on screen, as the pane marks them.
/// </summary>
public static class PaneBench
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<IReadOnlyList<Figure>> RunAsync(string baseUrl, string userEmail, Scale scale)
    {
        if (!File.Exists(ChromiumPath))
        {
            Console.WriteLine($"  (pane figure skipped: no Chromium at {ChromiumPath}; ./test.sh installs it)");
            return [];
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.AbortAsync());
        var url = $"{baseUrl}/addin/harness.html?mode=read&from={Uri.EscapeDataString(Seeder.ContactAddress(1))}"
            + $"&to={Uri.EscapeDataString(userEmail)}&user={Uri.EscapeDataString(userEmail)}";
        var runs = scale.Quick ? 5 : 15;
        var times = new double[runs];
        for (var run = -2; run < runs; run++)
        {
            await page.GotoAsync(url);
            var element = await page.WaitForSelectorAsync("#pane") ?? throw new InvalidOperationException("The harness has no pane frame.");
            var frame = await element.ContentFrameAsync() ?? throw new InvalidOperationException("The harness has no pane frame.");
            await frame.WaitForURLAsync("**/addin/index.html?harness");
            var pane = frame;
            await pane.WaitForFunctionAsync("() => performance.getEntriesByName('outlookcrm:records-shown').length > 0", null, new() { Timeout = 15_000 });
            var ms = await pane.EvaluateAsync<double>(
                "() => performance.getEntriesByName('outlookcrm:records-shown')[0].startTime - performance.getEntriesByName('outlookcrm:office-ready')[0].startTime");
            if (run >= 0)
            {
                times[run] = ms;
            }
        }
        return
        [
            new("read pane: Office.onReady to records shown: median", Latency.Percentile(times, 50), "ms", Better.Lower, 300, null),
            new("read pane: Office.onReady to records shown: slowest", times.Max(), "ms", Better.Lower, null, null),
        ];
    }
}
