using System.Net.Mime;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// <c>/</c> leads a newcomer to what they can do here: the pane in the simulated Outlook (where the emulator is), the
/// admin console, the API, and how IT deploys the add-in; <c>/health</c> is for load balancers.
/// </summary>
public static class LandingPage
{
    public sealed record Health(string Status, DatabaseProvider Database);

    public static WebApplication MapLandingAndHealth(this WebApplication app)
    {
        var html = LandingHtml.Render(app.Environment.IsDevelopment(), app.Configuration.GetValue<bool>("Graph:Emulator"));
        app.MapGet("/", () => Results.Content(html, MediaTypeNames.Text.Html)).ExcludeFromDescription();
        app.MapGet("/health", (Db db) => TypedResults.Ok(new Health("healthy", db.Provider))).WithTags("Health").AllowAnonymous();
        return app;
    }
}
