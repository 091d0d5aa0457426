using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>
/// Production Graph tokens: app-only (client credentials, a certificate in <c>AzureAd:ClientCredentials</c>) for the
/// account's own tenant, through Microsoft.Identity.Web's token acquisition and cache. Exchange RBAC for Applications
/// limits which mailboxes they can read (docs/deploy.md).
/// </summary>
public sealed class AppOnlyTokenProvider(ITokenAcquisition tokens, string tenantId) : IAccessTokenProvider
{
    private const string GraphScope = "https://graph.microsoft.com/.default";

    public AllowedHostsValidator AllowedHostsValidator { get; } = new(["graph.microsoft.com"]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        tokens.GetAccessTokenForAppAsync(GraphScope, tenant: tenantId);
}
