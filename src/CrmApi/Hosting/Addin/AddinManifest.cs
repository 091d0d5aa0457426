using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>What makes the manifest template one deployment's manifest.</summary>
public sealed record ManifestSettings(string BaseUrl, string AppId, string Version, string? ClientId, string? ApiResource);

/// <summary>
/// The add-in manifest (addin-manifest/manifest.template.xml, embedded) filled in for a base URL: the one file IT
/// uploads in the Microsoft 365 admin center. Checked on the way out: an https (or localhost) base URL, a GUID id, a
/// four-part version, and the result must be well-formed XML.
/// </summary>
public static partial class AddinManifest
{
    private const string TemplateName = "OutlookCrm.addin-manifest.manifest.template.xml";

    /// <summary>The handler names the manifest's LaunchEvents call; the event script must associate each of them.</summary>
    public static readonly IReadOnlyList<string> EventFunctions = ["onNewMessageCompose", "onMessageRecipientsChanged", "onMessageSend"];

    public static string Template()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TemplateName)
            ?? throw new InvalidOperationException($"The manifest template is not embedded ({TemplateName}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The problems with the settings, each naming the setting; empty when the manifest can be made.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(ManifestSettings settings)
    {
        var problems = new List<(string, string)>();
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var baseUrl) || !(baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.IsLoopback)
            || baseUrl.AbsolutePath != "/" || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.UserInfo)
            || !PlainOrigin().IsMatch(settings.BaseUrl))
        {
            problems.Add(("baseUrl", "An https origin such as https://crm.contoso.com (http only for localhost), without a path."));
        }
        if (!Guid.TryParse(settings.AppId, out _))
        {
            problems.Add(("appId", "The add-in's id is a GUID."));
        }
        if (!FourPartVersion().IsMatch(settings.Version))
        {
            problems.Add(("version", "Four numbers, like 1.0.0.0; raise it with every change of the manifest."));
        }
        if (settings.ClientId is not null && !Guid.TryParse(settings.ClientId, out _))
        {
            problems.Add(("clientId", "The Entra app registration's client id is a GUID."));
        }
        return problems;
    }

    public static string Render(ManifestSettings settings)
    {
        if (Check(settings) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(problem => $"{problem.Field}: {problem.Message}")), nameof(settings));
        }
        var baseUrl = settings.BaseUrl.TrimEnd('/');
        var text = Template()
            .Replace("{{BaseUrl}}", System.Security.SecurityElement.Escape(baseUrl), StringComparison.Ordinal)
            .Replace("{{AppId}}", settings.AppId.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{{Version}}", settings.Version, StringComparison.Ordinal)
            .Replace("{{ClientId}}", settings.ClientId ?? "", StringComparison.Ordinal)
            .Replace("{{ApiResource}}", System.Security.SecurityElement.Escape(settings.ApiResource ?? ResourceFor(baseUrl, settings.ClientId)), StringComparison.Ordinal);
        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        if (settings.ClientId is null)
        {
            // Without an Entra registration (development) there is nothing to consent to.
            document.Descendants().Where(element => element.Name.LocalName == "WebApplicationInfo").Remove();
        }
        return document.Declaration + Environment.NewLine + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The resource Office expects for consent: api://{add-in host}/{client id}.</summary>
    private static string ResourceFor(string baseUrl, string? clientId) => $"api://{new Uri(baseUrl).Authority}/{clientId}";

    // Written into XML and into a script's string literal: letters, digits and the few characters of an origin only.
    [GeneratedRegex(@"^https?://[A-Za-z0-9.\-]+(:\d{1,5})?/?$")]
    private static partial Regex PlainOrigin();

    [GeneratedRegex(@"^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$")]
    private static partial Regex FourPartVersion();
}
