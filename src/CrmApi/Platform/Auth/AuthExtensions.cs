using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.Platform.Auth;

public static class AuthExtensions
{
    public const string CrmUserPolicy = "CrmUser";
    public const string CrmAdminPolicy = "CrmAdmin";

    /// <summary>A route nobody has decided a role for: refused to everyone until it is (Hosting/Api/RoleDecisions).</summary>
    public const string UndecidedPolicy = "Undecided";

    /// <summary>
    /// One JwtBearer scheme for every token. Entra ID (Microsoft.Identity.Web, multi-tenant) when <c>AzureAd:ClientId</c>
    /// is set; the dev issuer's key and issuer are added to the same scheme when it is enabled, in Development or Testing only
    /// and never beside Entra ID (<see cref="DevIssuerAllowList"/>).
    /// </summary>
    public static WebApplicationBuilder AddCrmAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var useEntra = !string.IsNullOrWhiteSpace(builder.Configuration["AzureAd:ClientId"]);
        if (options.DevIssuer.Enabled && DevIssuerAllowList.Refusal(builder.Environment.EnvironmentName, useEntra) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        if (builder.Environment.IsProduction() && !useEntra)
        {
            throw new InvalidOperationException("AzureAd:ClientId is required in Production (see docs/deploy.md).");
        }
        builder.Services.AddSingleton(options);

        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (useEntra)
        {
            // Token acquisition serves the app-only Graph tokens of mail ingestion (Graph/AppOnlyTokenProvider.cs).
            authentication.AddMicrosoftIdentityWebApi(builder.Configuration, "AzureAd")
                .EnableTokenAcquisitionToCallDownstreamApi()
                .AddInMemoryTokenCaches();
        }
        else
        {
            authentication.AddJwtBearer();
        }

        var devIssuer = options.DevIssuer.Enabled ? new DevTokenIssuer(options, builder.Environment.ContentRootPath, TimeProvider.System) : null;
        if (devIssuer is not null)
        {
            builder.Services.AddSingleton(devIssuer);
        }
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure(bearer => Configure(bearer, options, useEntra, devIssuer));

        IReadOnlyCollection<string> clients = [.. options.AllowedClientIds,
            .. useEntra ? [builder.Configuration["AzureAd:ClientId"]!] : Array.Empty<string>(),
            .. devIssuer is not null ? [DevTokenIssuer.ClientId] : Array.Empty<string>()];
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CrmUserPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(options.RequiredScope) && context.User.IsFromClient(clients) && context.User.IsCrmUser()))
            .AddPolicy(CrmAdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(options.RequiredScope) && context.User.IsFromClient(clients) && context.User.HasRole(CrmRoles.Admin)))
            .AddPolicy(UndecidedPolicy, policy => policy.RequireAssertion(_ => false));
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<CurrentUser>();
        return builder;
    }

    /// <summary>Authentication, authorization, then the caller's account and user for the /api routes.</summary>
    public static WebApplication UseCrmAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, the limits being per tenant, read from the validated token; before the user lookup, so a
        // flood from a tenant that is not onboarded is held to its bucket too, not answered with a query each.
        app.UseRateLimiter();
        app.UseMiddleware<CurrentUserMiddleware>();
        return app;
    }

    private static void Configure(JwtBearerOptions bearer, AuthOptions options, bool useEntra, DevTokenIssuer? devIssuer)
    {
        // Claims keep their JWT names (tid, oid, scp); see CrmClaims.
        bearer.MapInboundClaims = false;
        var parameters = bearer.TokenValidationParameters;
        if (!useEntra)
        {
            parameters.ValidAudience = options.Audience;
        }
        if (devIssuer is null)
        {
            return;
        }
        var entraIssuerValidator = parameters.IssuerValidator;
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], devIssuer.SigningKey];
        parameters.IssuerValidator = (issuer, token, validation) =>
            issuer == DevTokenIssuer.Issuer ? issuer
            : entraIssuerValidator is not null ? entraIssuerValidator(issuer, token, validation)
            : throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not trusted");
        // The dev key signs dev-issuer tokens only: a token claiming Entra's issuer must carry Entra's signature.
        parameters.ValidateIssuerSigningKey = true;
        parameters.IssuerSigningKeyValidator = (key, token, _) =>
            !ReferenceEquals(key, devIssuer.SigningKey) || token.Issuer == DevTokenIssuer.Issuer
                ? true
                : throw new SecurityTokenInvalidSigningKeyException("The development key signs development tokens only");
    }
}
