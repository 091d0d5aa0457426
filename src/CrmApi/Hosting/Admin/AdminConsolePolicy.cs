using OutlookCrm.CrmApi.Hosting.Addin;

namespace OutlookCrm.CrmApi.Hosting.Admin;

/// <summary>
/// The Content-Security-Policy of the admin console (<c>/admin</c>): the pane's, less what only Outlook needs (Office.js's
/// CDN and telemetry), and framed by nobody — the console is a page of its own, never inside Outlook or another site
/// (clickjacking an admin's confirmation dialog is the attack this closes). Connections and frames may reach the
/// sign-in authority: MSAL's redirect flow renews tokens there (a hidden frame when its refresh token has expired).
/// </summary>
public sealed class AdminConsolePolicy
{
    private readonly string _template;

    public AdminConsolePolicy(IConfiguration configuration)
    {
        var authority = new Uri(configuration["AzureAd:Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/").GetLeftPart(UriPartial.Authority);
        _template = string.Join("; ",
            "default-src 'none'",
            "script-src 'self'",
            $"style-src 'self' 'nonce-{PanePolicy.NoncePlaceholder}'",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src 'self' {authority}",
            $"frame-src {authority}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'");
    }

    /// <summary>The policy for one answer, with its own nonce.</summary>
    public string For(string nonce) => _template.Replace(PanePolicy.NoncePlaceholder, nonce, StringComparison.Ordinal);
}
