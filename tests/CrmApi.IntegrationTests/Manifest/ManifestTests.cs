using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using OutlookCrm.CrmApi.Hosting.Addin;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Manifest;

/// <summary>The add-in manifest CrmApi serves for its own base URL, and what Outlook's event runtime needs next to it.</summary>
public class ManifestTests(CrmApiFactory factory)
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Overrides = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // The order the add-in only schema fixes for a MailApp's children (manifest-element-ordering).
    private static readonly string[] RootOrder =
    [
        "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl",
        "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides",
    ];

    private async Task<(string Text, XDocument Xml)> ServedAsync()
    {
        var response = await factory.CreateClient().GetAsync("/addin/manifest.xml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (text, XDocument.Parse(text));
    }

    private static IEnumerable<XElement> Typed(XDocument xml, string type) =>
        xml.Descendants().Where(element => (string?)element.Attribute(Xsi + "type") == type);

    [Fact]
    public async Task Served_IsWellFormed_AndHasEveryPartOutlookNeeds_OnThisBaseUrl()
    {
        var (text, xml) = await ServedAsync();

        var root = xml.Root!;
        Assert.Equal("MailApp", (string?)root.Attribute(Xsi + "type"));
        Assert.Equal("7f3b6a2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", root.Element(App + "Id")!.Value);
        var order = root.Elements().Select(element => element.Name.LocalName).ToList();
        Assert.Equal(order, order.OrderBy(name => Array.IndexOf(RootOrder, name)));
        Assert.Equal("1.1", root.Element(App + "Requirements")!.Descendants(App + "Set").Single().Attribute("MinVersion")!.Value);
        // The one gate of every form factor: Outlook on iOS and Android implements Mailbox 1.5, so a higher one hides the mobile section.
        Assert.Equal("1.5", xml.Descendants().Single(element => element.Name.LocalName == "Sets" && element.Parent!.Name == Overrides + "Requirements").Attribute("DefaultMinVersion")!.Value);
        Assert.Equal(2, xml.Descendants(Overrides + "SupportsPinning").Count(element => element.Value == "true"));
        Assert.Equal("true", xml.Descendants(Overrides + "SupportsSharedFolders").Single().Value);
        Assert.Single(xml.Descendants(Overrides + "MobileFormFactor"));
        Assert.Single(Typed(xml, "MobileMessageReadCommandSurface"));
        Assert.Single(Typed(xml, "MessageReadCommandSurface"));
        Assert.Single(Typed(xml, "MessageComposeCommandSurface"));
        var events = xml.Descendants(Overrides + "DesktopFormFactor").Single().Descendants(Overrides + "LaunchEvent")
            .ToDictionary(element => element.Attribute("Type")!.Value, element => element);
        Assert.Equal(["OnMessageRecipientsChanged", "OnMessageSend", "OnNewMessageCompose"], events.Keys.Order());
        Assert.Equal("SoftBlock", events["OnMessageSend"].Attribute("SendMode")!.Value);
        Assert.Equal(AddinManifest.EventFunctions.Order(), events.Values.Select(element => element.Attribute("FunctionName")!.Value).Order());
        // Every resource a control, runtime or event names exists, and every URL is on this server's base URL.
        var resources = xml.Descendants().Where(element => element.Parent?.Name.LocalName is "Images" or "Urls" or "ShortStrings" or "LongStrings")
            .Select(element => element.Attribute("id")!.Value).ToHashSet();
        Assert.All(xml.Descendants().Attributes("resid"), resid => Assert.Contains(resid.Value, resources));
        var urls = xml.Descendants().Attributes("DefaultValue").Select(attribute => attribute.Value).Where(value => value.Contains("://", StringComparison.Ordinal)).ToList();
        Assert.True(urls.Count >= 10, $"only {urls.Count} URLs");
        Assert.All(urls, url => Assert.StartsWith("http://localhost/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        // No Entra registration in the test host: nothing to consent to, so no WebApplicationInfo.
        Assert.Empty(xml.Descendants(Overrides + "WebApplicationInfo"));
    }

    /// <summary>
    /// Outlook on iOS and Android: the pane on read items only, and the events mobile raises on a message being
    /// written (mobile-event-based, "Supported events and clients"), run in the HTML runtime — never OnMessageSend,
    /// which mobile does not have (docs/mobile.md).
    /// </summary>
    [Fact]
    public async Task Mobile_DeclaresTheEventsOutlookMobileRaises_InThePageRuntime_AndTheReadPaneOnly()
    {
        var (_, xml) = await ServedAsync();

        var mobile = xml.Descendants(Overrides + "MobileFormFactor").Single();
        var surfaces = mobile.Elements(Overrides + "ExtensionPoint").Select(point => (string?)point.Attribute(Xsi + "type")).ToList();
        Assert.Equal(["MobileMessageReadCommandSurface", "LaunchEvent"], surfaces);
        var launch = mobile.Elements(Overrides + "ExtensionPoint").Single(point => (string?)point.Attribute(Xsi + "type") == "LaunchEvent");
        var events = launch.Descendants(Overrides + "LaunchEvent").ToDictionary(element => element.Attribute("Type")!.Value, element => element.Attribute("FunctionName")!.Value);
        Assert.Equal(["OnMessageRecipientsChanged", "OnNewMessageCompose"], events.Keys.Order());
        Assert.Equal("onNewMessageCompose", events["OnNewMessageCompose"]);
        Assert.Equal("onMessageRecipientsChanged", events["OnMessageRecipientsChanged"]);
        Assert.All(events.Values, name => Assert.Contains(name, AddinManifest.EventFunctions));
        // Mobile runs events in the page the Runtime names (its JavaScript override is classic Windows' alone).
        var runtime = xml.Descendants(Overrides + "Runtime").Single().Attribute("resid")!.Value;
        Assert.Equal(runtime, launch.Element(Overrides + "SourceLocation")!.Attribute("resid")!.Value);
        Assert.Equal(runtime, mobile.Element(Overrides + "FunctionFile")!.Attribute("resid")!.Value);
    }

    [Fact]
    public async Task EveryUrlOfTheManifest_IsServed_IconsCacheable()
    {
        var (_, xml) = await ServedAsync();
        var client = factory.CreateClient();

        foreach (var url in xml.Descendants().Attributes("DefaultValue").Select(attribute => attribute.Value).Where(value => value.StartsWith("http://localhost/", StringComparison.Ordinal)).Distinct())
        {
            var response = await client.GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            if (url.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("max-age", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WellKnownAllowList_NamesTheEventScript()
    {
        var response = await factory.CreateClient().GetAsync("/.well-known/microsoft-officeaddins-allowed.json", TestContext.Current.CancellationToken);

        var allowed = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("allowed");
        Assert.Equal(["http://localhost/addin/events/launchevent.js"], allowed.EnumerateArray().Select(url => url.GetString()));
    }

    [Fact]
    public async Task Served_ConvertsToAUnifiedManifest_ThatPassesTheOfficialSchemaOffline()
    {
        var (text, _) = await ServedAsync();
        var folder = Directory.CreateTempSubdirectory("outlookcrm-manifest-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "manifest.xml"), text, TestContext.Current.CancellationToken);

            var convert = await NodeTools.RunAsync("office-addin-manifest-converter", folder.FullName, "convert", "manifest.xml", "--output", "unified");
            var json = Path.Combine(folder.FullName, "unified", "manifest.json");
            Assert.True(convert.ExitCode == 0 && File.Exists(json), convert.Output);
            var validate = await NodeTools.RunAsync("office-addin-manifest", folder.FullName, "validate", json);
            Assert.True(validate.ExitCode == 0, validate.Output);

            var unified = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken)).RootElement.GetRawText();
            Assert.Contains("\"sendMode\":\"softBlock\"", unified.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("\"pinnable\":true", unified.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            // The validator is not a rubber stamp: a broken id fails it.
            var broken = Path.Combine(folder.FullName, "broken.json");
            await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken)).Replace("7f3b6a2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "not-a-guid", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            Assert.NotEqual(0, (await NodeTools.RunAsync("office-addin-manifest", folder.FullName, "validate", broken)).ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
