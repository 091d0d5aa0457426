using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

/// <summary><c>POST /dev/token</c>: a token for any user, mapped only when the dev issuer is enabled.</summary>
public static class DevTokenApi
{
    public static IEndpointRouteBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DevTokenIssuer>() is null)
        {
            return app;
        }
        app.MapPost("/dev/token", IssueAsync)
            .WithTags("Development")
            .WithSummary("A token from the development issuer (the account is created on first use)")
            .AllowAnonymous();
        return app;
    }

    /// <summary><c>roles</c>: the app roles the token carries, as Entra would for an assigned user; default Crm.User.</summary>
    public sealed record DevTokenRequest(string? Email, string? DisplayName, string? TenantId, List<string>? Roles = null);

    public sealed record DevTokenResponse(string AccessToken, string TokenType, string TenantId, string ObjectId);

    private static async Task<Results<Ok<DevTokenResponse>, ValidationProblem>> IssueAsync(
        DevTokenRequest request, DevTokenIssuer issuer, AccountOnboarding onboarding, AccountStore accounts, AuthOptions options, IHostEnvironment environment, CancellationToken ct)
    {
        if (!EmailAddresses.TryNormalize(request.Email, out var email))
        {
            return Problems.Invalid("email", "A valid email address is required.");
        }
        if (request.TenantId is { } given && !Guid.TryParse(given, out _))
        {
            return Problems.Invalid("tenantId", "The tenant id must be a GUID.");
        }
        if (request.Roles is { } roles && (roles.Count == 0 || roles.Any(role => !CrmRoles.All.Contains(role))))
        {
            return Problems.Invalid("roles", $"Roles are one or more of {string.Join(", ", CrmRoles.All)}.");
        }
        var domain = EmailAddresses.DomainOf(email);
        var tenantId = request.TenantId?.ToLowerInvariant() ?? DevTenants.TenantIdForDomain(domain);
        if (environment.IsDevelopment() || options.DevIssuer.OnboardTenants)
        {
            await onboarding.OnboardAsync(tenantId, domain, ct);
        }
        else if (await accounts.GetByTenantIdAsync(tenantId, ct) is null)
        {
            return Problems.Invalid("tenantId", "This tenant has no account, and outside Development the dev issuer onboards none: run `onboard-tenant` first (docs/deploy.md).");
        }
        var objectId = DevTenants.ObjectIdFor(tenantId, email);
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim();
        var token = issuer.Issue(tenantId, objectId, request.Email!.Trim(), displayName, roles: request.Roles?.Distinct().ToList());
        return TypedResults.Ok(new DevTokenResponse(token, "Bearer", tenantId, objectId));
    }
}
