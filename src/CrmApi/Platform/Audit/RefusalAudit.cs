using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Caching.Memory;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary>
/// Role refusals in the account audit: a rep's token on an admin route (refused by the authorization policy, before
/// the account is resolved) and an admin-only choice inside a shared route (a handler's 403). One line per user,
/// route and minute, so a client retrying in a loop cannot flood the audit.
/// </summary>
public sealed class RefusalAudit(AccountAudit audit, AccountStore accounts, IMemoryCache cache)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);

    public async Task RecordAsync(HttpContext http, Guid? accountId, Guid? userId)
    {
        var tenantId = http.User.Find(CrmClaims.TenantId);
        var objectId = http.User.Find(CrmClaims.ObjectId);
        var route = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";
        var key = $"refusal:{tenantId}:{objectId}:{route}";
        if (tenantId is null || objectId is null || cache.TryGetValue(key, out _))
        {
            return;
        }
        cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Quiet, Size = 1 });
        accountId ??= (await accounts.GetByTenantIdAsync(tenantId, http.RequestAborted))?.Id;
        if (accountId is null)
        {
            return;
        }
        var actor = http.User.Find(CrmClaims.PreferredUsername) ?? objectId;
        var roles = http.User.FindAll(CrmRoles.ClaimType).Select(claim => claim.Value).ToList();
        await audit.Store.AppendAsync(audit.Entry(accountId.Value, userId, actor, AuditActions.RoleRefused, route,
            after: new { roles, guest = http.User.IsGuest(), client = http.User.Find(CrmClaims.AuthorizedParty) ?? http.User.Find(CrmClaims.AppId) }), CancellationToken.None);
    }
}

/// <summary>The authorization middleware's refusals (403 only: a missing or bad token is not a role question).</summary>
public sealed class AuditingAuthorizationResultHandler(RefusalAudit refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<RequiresCurrentUser>() is not null)
        {
            await refusals.RecordAsync(context, accountId: null, userId: null);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>A handler's 403 on an /api route: an admin-only choice a rep tried.</summary>
public sealed class RefusalAuditMiddleware(RequestDelegate next, RefusalAudit refusals)
{
    public async Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status403Forbidden && user.IsSet)
        {
            await refusals.RecordAsync(http, user.AccountId, user.UserId);
        }
    }
}
