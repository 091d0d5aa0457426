using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

/// <summary>
/// Stable made-up Entra ids for development: everyone at one email domain shares a tenant, and an address always
/// gets the same object id, so a restarted API or a new token finds the same account and user.
/// </summary>
public static class DevTenants
{
    public static string TenantIdForDomain(string domain) => StableGuid($"tenant:{domain.ToLowerInvariant()}");

    public static string ObjectIdFor(string tenantId, string normalizedEmail) => StableGuid($"user:{tenantId}:{normalizedEmail}");

    private static string StableGuid(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16];
        return new Guid(bytes).ToString("D");
    }
}
