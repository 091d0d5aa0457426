using System.Security.Cryptography;

namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>
/// The Content-Security-Policy of everything under /addin (the task pane, its event page and script, the harness). What
/// each directive allows and why:
/// <list type="bullet">
/// <item>scripts from this origin and Office.js's CDN only (office.js loads its host and locale files and its telemetry
/// script from the same base path); no inline script, no eval;</item>
/// <item>style elements only with this response's nonce (Griffel and FluentProvider add theirs at run time with it);
/// styles set through the CSSOM (React's style props, Floating UI) are not governed by CSP;</item>
/// <item>connections to this origin, the sign-in authority (MSAL, when Nested App Authentication falls back to its own
/// requests) and office.js's usage telemetry (Aria collectors, which it posts to directly on the web);</item>
/// <item>framed only by Outlook (<see cref="OutlookHosts"/> and <c>Addin:FrameAncestors</c>), and by this origin where the
/// development harness is served.</item>
/// </list>
/// </summary>
public sealed class PanePolicy
{
    /// <summary>The page's placeholder for the nonce, replaced in every HTML answer (index.html, harness.html).</summary>
    public const string NoncePlaceholder = "__OUTLOOKCRM_CSP_NONCE__";

    public const string OfficeJsCdn = "https://appsforoffice.microsoft.com";

    public const string OfficeJsTelemetry = "https://*.pipe.aria.microsoft.com";

    /// <summary>
    /// Where Outlook frames an add-in: Outlook on the web (work or school, and Outlook.com) and the new Outlook on
    /// Windows, which loads the same web app, on its classic and its cloud.microsoft domains. Classic Outlook on Windows,
    /// Outlook on Mac and mobile show the pane as a top-level web view: no ancestor to allow. Sovereign clouds are added
    /// with <c>Addin:FrameAncestors</c> (docs/deploy.md).
    /// </summary>
    public static readonly IReadOnlyList<string> OutlookHosts =
        ["https://outlook.office.com", "https://outlook.office365.com", "https://outlook.live.com", "https://*.cloud.microsoft"];

    private readonly string _template;

    public PanePolicy(IConfiguration configuration)
    {
        var authority = new Uri(configuration["AzureAd:Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/").GetLeftPart(UriPartial.Authority);
        var extra = (configuration["Addin:FrameAncestors"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (extra.FirstOrDefault(source => !IsHostSource(source)) is { } bad)
        {
            throw new InvalidOperationException($"Addin:FrameAncestors: '{bad}' is not an https origin (https://host or https://*.domain), space-separated.");
        }
        // The development harness frames the pane from this origin; it is served only beside the Graph emulator.
        var self = configuration.GetValue<bool>("Graph:Emulator") ? "'self' " : "";
        FrameAncestors = $"{self}{string.Join(' ', OutlookHosts.Concat(extra))}";
        _template = string.Join("; ",
            "default-src 'none'",
            $"script-src 'self' {OfficeJsCdn}",
            $"style-src 'self' 'nonce-{NoncePlaceholder}'",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src 'self' {authority} {OfficeJsTelemetry}",
            $"frame-src 'self' {authority}",
            $"frame-ancestors {FrameAncestors}",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'");
    }

    public string FrameAncestors { get; }

    /// <summary>The policy for one answer, with its own nonce.</summary>
    public string For(string nonce) => _template.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal);

    /// <summary>128 random bits, base64: a nonce nobody can guess before the answer is sent.</summary>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    private static bool IsHostSource(string source) =>
        source.StartsWith("https://", StringComparison.Ordinal)
        && Uri.TryCreate(source.Replace("*.", "wildcard.", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/" && !source.EndsWith('/') && string.IsNullOrEmpty(uri.Query) && !source.Contains(';') && !source.Contains('\'');
}
