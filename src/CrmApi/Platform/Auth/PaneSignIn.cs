namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// <c>GET /addin/sign-in.json</c> (anonymous): how the task pane gets its token. With Entra ID configured, Nested App
/// Authentication for the API's scope; in Development without it, the dev issuer. Public facts only: client ids and
/// scope names are not secrets (they are in every token and consent screen).
/// </summary>
public static class PaneSignIn
{
    public sealed record SignInConfig(string Method, string? ClientId, string? Authority, IReadOnlyList<string> Scopes);

    public static WebApplication MapPaneSignIn(this WebApplication app)
    {
        var config = Describe(app.Configuration, app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions());
        app.MapGet("/addin/sign-in.json", () => config).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static SignInConfig Describe(IConfiguration configuration, AuthOptions options)
    {
        var scopes = new[] { $"{options.Audience.TrimEnd('/')}/{options.RequiredScope}" };
        var apiClientId = configuration["AzureAd:ClientId"];
        if (!string.IsNullOrWhiteSpace(apiClientId))
        {
            // One registration by default (the pane is the API's own SPA client); a separate SPA registration may be named.
            var clientId = configuration["Auth:PaneClientId"] is { Length: > 0 } pane ? pane : apiClientId;
            var instance = (configuration["AzureAd:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
            // Multi-tenant: any work or school account; a single-tenant deployment names its tenant.
            var tenant = configuration["AzureAd:TenantId"] is { Length: > 0 } configured && configured != "common" ? configured : "organizations";
            return new SignInConfig("naa", clientId, $"{instance}/{tenant}", scopes);
        }
        return new SignInConfig(options.DevIssuer.Enabled ? "dev" : "none", null, null, scopes);
    }
}
