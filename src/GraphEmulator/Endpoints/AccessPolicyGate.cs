using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>
/// In front of every Graph call that names a user: the tenant's access policy (<see cref="AccessPolicy"/>). A mailbox
/// outside the app's scope answers 403 ErrorAccessDenied, as an application access policy or RBAC for Applications
/// does; the user object itself (<c>/users/{id}</c>) needs a directory permission the app may not have.
/// </summary>
public sealed class AccessPolicyGate(AccessPolicy policy, MailStore mailboxes) : IEndpointFilter
{
    public const string DirectoryRoute = "/users/{user}";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.RouteValues.TryGetValue("user", out var user) || user?.ToString() is not { } key)
        {
            return await next(context);
        }
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        if (!policy.Directory && route.EndsWith(DirectoryRoute, StringComparison.Ordinal))
        {
            return GraphErrors.Error(StatusCodes.Status403Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        return mailboxes.Find(key) is { } mailbox && !policy.AllowsMailbox(mailbox) ? Denied() : await next(context);
    }

    /// <summary>The answer for a mailbox outside the app's scope (the wording Exchange gives for an access policy).</summary>
    public static IResult Denied() =>
        GraphErrors.Error(StatusCodes.Status403Forbidden, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
}
