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

    /// <summary>1 for a B2B guest (an external user in the tenant), 0 for a member.</summary>
    public const string AccountStatus = "acct";

    /// <summary>The client app that asked for the token (v2 tokens); v1 tokens carry <see cref="AppId"/>.</summary>
    public const string AuthorizedParty = "azp";

    public const string AppId = "appid";

    public static string? Find(this ClaimsPrincipal principal, string type) => principal.FindFirst(type)?.Value;

    public static bool IsGuest(this ClaimsPrincipal principal) => principal.Find(AccountStatus) == "1";

    /// <summary>
    /// Only the add-in's own client apps may call the API: a token another app obtained with a user's consent (same
    /// audience, same scope) is refused. A token naming no client is refused too.
    /// </summary>
    public static bool IsFromClient(this ClaimsPrincipal principal, IReadOnlyCollection<string> allowedClientIds) =>
        (principal.Find(AuthorizedParty) ?? principal.Find(AppId)) is { } client && allowedClientIds.Contains(client, StringComparer.OrdinalIgnoreCase);

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.FindAll(Scope).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
