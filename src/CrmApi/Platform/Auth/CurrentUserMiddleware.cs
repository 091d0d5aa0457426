using Microsoft.Extensions.Caching.Memory;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>Marks the endpoints that run as a CRM user of an onboarded account (every route under /api).</summary>
public sealed class RequiresCurrentUser
{
    public static readonly RequiresCurrentUser Instance = new();
}

/// <summary>
/// Turns a validated token into the <see cref="CurrentUser"/>: the tenant must be an onboarded account (403
/// otherwise); the user is created on first sight. The lookup is cached briefly, so a request costs no extra query, and
/// so is a refused tenant (<see cref="RefusedTenants"/>): a flood of its tokens costs no query either. The per-tenant
/// rate limit runs before this middleware, so a refused tenant's flood is also held to its bucket.
/// A middleware after authorization rather than an endpoint filter: filters run after the request's body and query
/// are bound, so a caller of a tenant not onboarded got a 400 naming the fields of a malformed body before its 403.
/// </summary>
public sealed class CurrentUserMiddleware(
    RequestDelegate next, AccountStore accounts, RefusedTenants refused, LastSeen lastSeen, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(HttpContext http, CurrentUser current)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiresCurrentUser>() is null || http.User.Identity?.IsAuthenticated != true)
        {
            // Not an /api route, or one the authorization middleware already refused.
            await next(http);
            return;
        }
        var tenantId = http.User.Find(CrmClaims.TenantId);
        var objectId = http.User.Find(CrmClaims.ObjectId);
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(objectId))
        {
            await Problems.Forbidden("The token names no tenant (tid) or user (oid).").ExecuteAsync(http);
            return;
        }
        if (http.User.Find(CrmClaims.AccountStatus) is null)
        {
            // acct is an optional claim in Entra ID: without it a guest cannot be told from a member, so the safe
            // answer is no (docs/deploy.md step 1.8 adds it to the app registration's token configuration).
            await Problems.Forbidden("The token has no acct claim, so a guest cannot be told from a member: add the optional claim acct to the access token (docs/deploy.md, step 1.8).").ExecuteAsync(http);
            return;
        }
        var key = $"current-user:{tenantId}:{objectId}";
        if (!cache.TryGetValue(key, out CurrentUser.Identity? identity) || identity is null)
        {
            identity = refused.IsRefused(tenantId) ? null : await ResolveAsync(tenantId, objectId, http, http.RequestAborted);
            if (identity is null)
            {
                await Problems.Forbidden("This Microsoft 365 tenant is not onboarded to OutlookCrm.").ExecuteAsync(http);
                return;
            }
            cache.Set(key, identity, CacheFor);
        }
        if (identity.UserId == Guid.Empty)
        {
            // A B2B guest (acct = 1) is someone else's employee, maybe a customer: no user row, no access, unless allowed.
            await Problems.Forbidden("Guest accounts may not use OutlookCrm in this organisation: ask your admin to allow guests (PUT /api/settings/access).").ExecuteAsync(http);
            return;
        }
        current.Set(identity, http.User.HasRole(CrmRoles.Admin));
        await lastSeen.NoteAsync(identity.AccountId, identity.UserId, http.User, http.RequestAborted);
        await next(http);
    }

    private async Task<CurrentUser.Identity?> ResolveAsync(string tenantId, string objectId, HttpContext http, CancellationToken ct)
    {
        var account = await accounts.GetByTenantIdAsync(tenantId, ct);
        if (account is null)
        {
            refused.Remember(tenantId);
            return null;
        }
        if (http.User.IsGuest() && !account.AllowGuests)
        {
            // Cached like any identity, so a refused guest costs no query per request either; allowing guests takes
            // effect within the cache's five minutes.
            return new CurrentUser.Identity(account.Id, Guid.Empty, "", "", account.TenantId);
        }
        var email = http.User.Find(CrmClaims.PreferredUsername) ?? "";
        var displayName = http.User.Find(CrmClaims.Name) ?? email;
        var user = await accounts.GetUserByObjectIdAsync(account.Id, objectId, ct);
        if (user is null)
        {
            user = new User
            {
                Id = clock.NewId(),
                AccountId = account.Id,
                ObjectId = objectId,
                Email = email,
                EmailNormalized = EmailAddresses.Normalize(email),
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow(),
            };
            try
            {
                await accounts.CreateUserAsync(user, ct);
            }
            catch (System.Data.Common.DbException)
            {
                // The user's first two requests raced; the unique (account, oid) index kept one row.
                user = await accounts.GetUserByObjectIdAsync(account.Id, objectId, ct) ?? throw new InvalidOperationException("User creation failed");
            }
        }
        else if (user.Email != email || user.DisplayName != displayName)
        {
            user = user with { Email = email, EmailNormalized = EmailAddresses.Normalize(email), DisplayName = displayName };
            await accounts.UpdateUserProfileAsync(user, ct);
        }
        return new CurrentUser.Identity(account.Id, user.Id, user.Email, user.DisplayName, account.TenantId, user.ObjectId);
    }
}
