using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>What every pane test starts with: the API on Kestrel, Chromium, a signed-in rep, and the harness.</summary>
public sealed class PaneTest : IAsyncDisposable
{
    private PaneTest(KestrelCrmApiFactory factory, BrowserSession session, IPage page, CrmClient rep)
    {
        Factory = factory;
        Session = session;
        Page = page;
        Rep = rep;
    }

    public KestrelCrmApiFactory Factory { get; }

    public BrowserSession Session { get; }

    public IPage Page { get; }

    public CrmClient Rep { get; }

    /// <summary>The task pane's frame inside the harness.</summary>
    public IFrameLocator Pane => Page.FrameLocator("#pane");

    public static async Task<PaneTest> StartAsync()
    {
        // Chromium first: a machine without it skips the test before a server is started for nothing.
        var (session, page) = await BrowserSession.StartAsync();
        var factory = new KestrelCrmApiFactory();
        try
        {
            await factory.InitializeAsync();
            return new PaneTest(factory, session, page, await CrmClient.SignInAsync(factory));
        }
        catch
        {
            await session.DisposeAsync();
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>One recipient's row in the pane.</summary>
    public ILocator Row(string address) => Pane.Locator($"li[data-address='{address}']");

    /// <summary>Opens the harness on a compose item from the given mailbox (the rep's own by default).</summary>
    public Task OpenComposeAsync(string to, string? from = null, string? subject = null) =>
        Page.GotoAsync($"{Factory.BaseUrl}/addin/harness.html?from={Uri.EscapeDataString(from ?? Rep.Email)}&to={to}"
            + (subject is null ? "" : $"&subject={Uri.EscapeDataString(subject)}"));

    /// <summary>The tracking id the pane stamped on the harness's item, or null before it has.</summary>
    public Task<string?> StampedTrackingIdAsync() => Page.EvaluateAsync<string?>("() => window.harness.item.customProperties.trackingId ?? null");

    /// <summary>Opens the harness on a read item the rep received from the given sender; with ids, one the emulator holds.</summary>
    public Task OpenReadAsync(string from, string? internetMessageId = null, string? itemId = null) =>
        Page.GotoAsync($"{Factory.BaseUrl}/addin/harness.html?mode=read&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(Rep.Email)}&user={Uri.EscapeDataString(Rep.Email)}"
            + (internetMessageId is null ? "" : $"&internetMessageId={Uri.EscapeDataString(internetMessageId)}")
            + (itemId is null ? "" : $"&itemId={Uri.EscapeDataString(itemId)}"));

    /// <summary>The records of the log intent the pane saved for the stamped tracking id; none before it has.</summary>
    public async Task<List<Guid>> SavedIntentAsync()
    {
        if (await StampedTrackingIdAsync() is not { } trackingId)
        {
            return [];
        }
        var intent = await Rep.GetAsync($"/api/log-intents/{trackingId}");
        return intent.Status == System.Net.HttpStatusCode.OK ? intent.Json.GetProperty("associations").EnumerateArray().Select(id => id.GetGuid()).ToList() : [];
    }

    /// <summary>In the pane's Records view, searches for a record and opens it.</summary>
    public async Task OpenRecordAsync(string name, string typeLabel)
    {
        await Pane.GetByRole(AriaRole.Tab, new() { Name = "Records" }).ClickAsync();
        await Pane.GetByRole(AriaRole.Searchbox, new() { Name = "Find a record" }).FillAsync(name);
        await Pane.GetByRole(AriaRole.Button, new() { Name = $"{name} ({typeLabel})" }).ClickAsync();
        await Assertions.Expect(Pane.GetByRole(AriaRole.Article, new() { Name = $"{typeLabel} {name}" })).ToBeVisibleAsync();
    }

    /// <summary>Runs the steps, saving a screenshot named after the test if they fail; then nothing may have been refused by the pane's CSP.</summary>
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
