using System.Net.Mime;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary><c>/</c> says what this is and links to the add-in and the API; <c>/health</c> is for load balancers.</summary>
public static class LandingPage
{
    public sealed record Health(string Status, DatabaseProvider Database);

    public static WebApplication MapLandingAndHealth(this WebApplication app)
    {
        var isDevelopment = app.Environment.IsDevelopment();
        app.MapGet("/", () => Results.Content(Html(isDevelopment), MediaTypeNames.Text.Html)).ExcludeFromDescription();
        app.MapGet("/health", (Db db) => TypedResults.Ok(new Health("healthy", db.Provider))).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static string Html(bool isDevelopment) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>OutlookCrm</title>
          <style>
            body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
            code, pre { background: #f5f5f5; border-radius: 4px; padding: 0.1rem 0.3rem; }
            pre { padding: 0.75rem; overflow-x: auto; }
            a { color: #0f6cbd; }
          </style>
        </head>
        <body>
          <h1>OutlookCrm</h1>
          <p>The CRM beside every Outlook message: contacts, companies, deals, tickets and custom objects, each email's
             legal basis, and every sent and received email logged to the right timelines.</p>
          <ul>
            <li><a href="/addin/">The Outlook task pane</a></li>
            {{(isDevelopment ? $"<li><a href=\"{ApiDocs.PagePath}\">The API, browsable</a></li>" : "")}}
            <li><a href="{{ApiDocs.DocumentPath}}">The OpenAPI document</a></li>
            <li><a href="/health">Health</a></li>
          </ul>
          {{(isDevelopment ? DevelopmentHelp : "")}}
        </body>
        </html>
        """;

    private const string DevelopmentHelp = """
        <h2>Try it (Development)</h2>
        <pre>TOKEN=$(curl -s -X POST localhost:5080/dev/token -H 'Content-Type: application/json' \
          -d '{"email":"alex@contoso.com","displayName":"Alex Wilber"}' | jq -r .accessToken)
        curl -s localhost:5080/api/lookup?email=Megan@Fabrikam.com -H "Authorization: Bearer $TOKEN"</pre>
        <p>Everyone at contoso.com signs in to the demo account.</p>
        """;
}
