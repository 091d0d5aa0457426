using Microsoft.AspNetCore.Authorization;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>The role a route was decided to need, as endpoint metadata: what the role sweep reads.</summary>
public sealed record RoleDecision(string Role);

/// <summary>
/// Who may call each /api route, in one table a reviewer can read: what only an admin may do (account-wide settings,
/// erasure, schema, teams, replaying and retrying mail) and what every assigned user may. A route missing from the
/// table is refused to everyone (<see cref="AuthExtensions.UndecidedPolicy"/>) and fails the role sweep, so a new
/// route cannot ship without a decision. Finer rules inside a route (a personal or an account never-log entry, one's
/// own mailbox or another's) are the handler's, on top of this. A successful admin write leaves a line in the account
/// audit (<see cref="AdminActionAudit"/>) unless the route writes a more telling one itself.
/// </summary>
public static class RoleDecisions
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        // Account-wide settings, schema, people and erasure: Crm.Admin.
        ["PUT /settings/privacy"] = CrmRoles.Admin,
        ["PUT /settings/logging"] = CrmRoles.Admin,
        ["POST /subscription-types"] = CrmRoles.Admin,
        ["POST /object-types"] = CrmRoles.Admin,
        ["POST /teams"] = CrmRoles.Admin,
        ["POST /contacts/{id}/erase"] = CrmRoles.Admin,
        ["GET /mailboxes/{id}/dead-letters"] = CrmRoles.Admin,
        ["POST /mailboxes/{id}/dead-letters/retry"] = CrmRoles.Admin,
        ["POST /mailboxes/{id}/dead-letters/{letterId}/retry"] = CrmRoles.Admin,
        ["POST /mailboxes/{id}/reprocess"] = CrmRoles.Admin,
        ["POST /mailboxes/{id}/import"] = CrmRoles.Admin,
        ["PUT /settings/access"] = CrmRoles.Admin,
        ["GET /audit"] = CrmRoles.Admin,
        ["GET /admin/doctor"] = CrmRoles.Admin,
        ["GET /admin/overview"] = CrmRoles.Admin,
        // The admin console (issue 19): people, the account's legal-basis audit, previews of what erasure would remove.
        ["GET /admin/people"] = CrmRoles.Admin,
        ["GET /admin/legal-basis-audit"] = CrmRoles.Admin,
        ["GET /admin/legal-basis-audit.csv"] = CrmRoles.Admin,
        ["GET /contacts/{id}/erase/preview"] = CrmRoles.Admin,
        // Who acts for a team or help-desk mailbox (issue 20): an admin decides, as Exchange admins grant FullAccess.
        ["GET /mailboxes/{id}/members"] = CrmRoles.Admin,
        ["PUT /mailboxes/{id}/members"] = CrmRoles.Admin,
        // The pane's work, records and content, one's own logging: every user.
        ["GET /me"] = CrmRoles.User,
        // A user's own logging policy; the account decides whether they may choose one (usersMayOverride).
        ["GET /me/logging"] = CrmRoles.User,
        ["PUT /me/logging"] = CrmRoles.User,
        // The caller's own list only: their mailbox and the team mailboxes they are a member of.
        ["GET /me/mailboxes"] = CrmRoles.User,
        ["PUT /address-choices"] = CrmRoles.User,
        ["POST /associations"] = CrmRoles.User,
        ["DELETE /associations/{id}"] = CrmRoles.User,
        ["GET /cards"] = CrmRoles.User,
        ["POST /compose/context"] = CrmRoles.User,
        ["POST /compose/send-check"] = CrmRoles.User,
        ["POST /contacts/from-address"] = CrmRoles.User,
        ["GET /contacts/{id}/audit"] = CrmRoles.User,
        ["GET /contacts/{id}/communication"] = CrmRoles.User,
        ["POST /contacts/{id}/global-opt-out"] = CrmRoles.User,
        ["POST /contacts/{id}/one-time-basis"] = CrmRoles.User,
        ["POST /contacts/{id}/subscriptions"] = CrmRoles.User,
        ["POST /content"] = CrmRoles.User,
        ["GET /content"] = CrmRoles.User,
        ["GET /content/{id}"] = CrmRoles.User,
        ["PATCH /content/{id}"] = CrmRoles.User,
        ["DELETE /content/{id}"] = CrmRoles.User,
        ["PUT /content/{id}/file"] = CrmRoles.User,
        ["POST /content/{id}/render"] = CrmRoles.User,
        ["POST /content/{id}/rotate-link"] = CrmRoles.User,
        ["POST /emails/log"] = CrmRoles.User,
        ["GET /emails/status"] = CrmRoles.User,
        ["GET /emails/{id}"] = CrmRoles.User,
        ["GET /emails/{id}/reply-context"] = CrmRoles.User,
        ["PUT /log-intents/{trackingId}"] = CrmRoles.User,
        ["GET /log-intents/{trackingId}"] = CrmRoles.User,
        // Logging without the pane: a rep's own start and their message's default intent (issue 20).
        ["POST /log-intents/starts"] = CrmRoles.User,
        ["PUT /log-intents/{trackingId}/default"] = CrmRoles.User,
        ["GET /lookup"] = CrmRoles.User,
        ["POST /mailboxes"] = CrmRoles.User,
        ["GET /mailboxes"] = CrmRoles.User,
        ["GET /mailboxes/{id}/health"] = CrmRoles.User,
        ["GET /never-log"] = CrmRoles.User,
        ["POST /never-log"] = CrmRoles.User,
        ["GET /never-log/preview"] = CrmRoles.User,
        ["DELETE /never-log/{id}"] = CrmRoles.User,
        ["POST /never-log/{id}/restore"] = CrmRoles.User,
        ["DELETE /mailboxes/{id}"] = CrmRoles.User,
        ["GET /settings/access"] = CrmRoles.User,
        ["GET /object-types"] = CrmRoles.User,
        ["POST /records/{type}"] = CrmRoles.User,
        ["GET /records/{type}"] = CrmRoles.User,
        ["GET /records/{type}/{id}"] = CrmRoles.User,
        ["PATCH /records/{type}/{id}"] = CrmRoles.User,
        ["DELETE /records/{type}/{id}"] = CrmRoles.User,
        ["GET /records/{type}/{id}/associations"] = CrmRoles.User,
        ["GET /records/{type}/{id}/timeline"] = CrmRoles.User,
        ["GET /search"] = CrmRoles.User,
        ["GET /settings/logging"] = CrmRoles.User,
        ["GET /settings/privacy"] = CrmRoles.User,
        ["GET /subscription-types"] = CrmRoles.User,
        ["GET /teams"] = CrmRoles.User,
    };

    /// <summary>The decision for a method and a route pattern under /api, or null when none was made.</summary>
    public static string? For(string method, string pattern)
    {
        var route = pattern.StartsWith("/api", StringComparison.Ordinal) ? pattern[4..] : pattern;
        return Table.GetValueOrDefault($"{method} {route.TrimEnd('/')}");
    }

    /// <summary>The group convention: each /api endpoint gets its decision and, for an admin route, the admin policy.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var decisions = methods.Select(method => For(method, pattern)).Distinct().ToList();
        if (decisions is not [{ } role])
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(AuthExtensions.UndecidedPolicy));
            return;
        }
        endpoint.Metadata.Add(new RoleDecision(role));
        if (role == CrmRoles.Admin)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(AuthExtensions.CrmAdminPolicy));
            if (!methods.Contains(HttpMethods.Get))
            {
                AdminActionAudit.AddTo(endpoint);
            }
        }
    }
}
