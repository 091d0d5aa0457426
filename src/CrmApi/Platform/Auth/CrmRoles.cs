using System.Security.Claims;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// The app roles of the Entra app registration (docs/deploy.md), carried in the token's <c>roles</c> claim: with
/// "assignment required", only people assigned one of them get a token at all. A token without either is refused.
/// </summary>
public static class CrmRoles
{
    public const string Admin = "Crm.Admin";
    public const string User = "Crm.User";

    public const string ClaimType = "roles";

    public static readonly IReadOnlyList<string> All = [User, Admin];

    public static bool HasRole(this ClaimsPrincipal principal, string role) =>
        principal.FindAll(ClaimType).Any(claim => string.Equals(claim.Value, role, StringComparison.Ordinal));

    /// <summary>A CRM user: assigned Crm.User or Crm.Admin (an admin is a user too).</summary>
    public static bool IsCrmUser(this ClaimsPrincipal principal) => All.Any(principal.HasRole);
}
