using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>
/// <c>/addin/manifest.xml</c>: the manifest for this server's own public URL; and
/// <c>/.well-known/microsoft-officeaddins-allowed.json</c>, which classic Outlook on Windows reads before its event
/// runtime may call this origin.
/// </summary>
public static class ManifestApi
{
    public const string EventScriptPath = "/addin/events/launchevent.js";

    public static ManifestSettings SettingsFor(IConfiguration configuration, string? baseUrl = null, string? appId = null, string? clientId = null, string? version = null)
    {
        var graph = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var configuredClient = configuration["AzureAd:ClientId"] is { Length: > 0 } id ? id : null;
        var client = clientId ?? configuredClient;
        // The API's own application id URI when it names this host (api://host/client-id), else the conventional one.
        var resource = client is not null && auth.Audience.StartsWith("api://", StringComparison.Ordinal) && auth.Audience.EndsWith(client, StringComparison.OrdinalIgnoreCase)
            ? auth.Audience
            : null;
        return new ManifestSettings(
            baseUrl ?? configuration["App:PublicBaseUrl"] ?? "http://localhost:5080",
            appId ?? graph.AddinId,
            version ?? configuration["Addin:ManifestVersion"] ?? "1.0.0.0",
            client,
            resource);
    }

    public static WebApplication MapAddinManifest(this WebApplication app)
    {
        var settings = SettingsFor(app.Configuration);
        app.MapGet("/addin/manifest.xml", () => Results.Text(AddinManifest.Render(settings), "application/xml; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        var baseUrl = settings.BaseUrl.TrimEnd('/');
        app.MapGet(EventScriptPath, (EventScript script, HttpContext http) =>
        {
            if (script.For(baseUrl) is not { } text)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(text, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        var allowed = new { allowed = new[] { baseUrl + EventScriptPath } };
        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", () => Results.Json(allowed)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
