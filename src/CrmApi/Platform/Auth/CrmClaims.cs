using System.Security.Claims;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// The claims OutlookCrm reads, by their short JWT names (inbound claim mapping is off). The user is tid + oid, as
/// Microsoft identity platform recommends: email and name can change, the object id cannot.
/// </summary>
public static class CrmClaims
{
    public const string TenantId = "tid";
    public const string ObjectId = "oid";
    public const string Scope = "scp";
    public const string PreferredUsername = "preferred_username";
    public const string Name = "name";

    public static string? Find(this ClaimsPrincipal principal, string type) => principal.FindFirst(type)?.Value;

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.FindAll(Scope).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
