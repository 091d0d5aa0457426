using OutlookCrm.CrmApi.Hosting.Admin;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// The landing page's text. The simulated Outlook is offered only where it is served (beside the Graph emulator), with
/// a compose and a read example among the demo's people; the dev issuer's curl lines only in Development.
/// </summary>
public static class LandingHtml
{
    /// <summary>A new email from Alex, the demo's admin, to Megan (a legal basis) and Lee (none: the pane asks for one).</summary>
    public const string ComposeExample = "/addin/harness.html?from=alex@contoso.com&to=megan.bowen@fabrikam.com,lee.gu@northwindtraders.com&subject=Our%20proposal";

    /// <summary>An email Alex received from Megan: her card, her company's deal and the email's timeline.</summary>
    public const string ReadExample = "/addin/harness.html?mode=read&from=megan.bowen@fabrikam.com&to=alex@contoso.com&user=alex@contoso.com&subject=Re%3A%20Our%20proposal";

    public static string Render(bool isDevelopment, bool harness) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>OutlookCrm</title>
          <style>
            body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
            code, pre { background: #f5f5f5; border-radius: 4px; padding: 0.1rem 0.3rem; }
            pre { padding: 0.75rem; overflow-x: auto; }
            a { color: #0f6cbd; }
            @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #f0f0f0; } a { color: #479ef5; } code, pre { background: #2e2e2e; } }
          </style>
        </head>
        <body>
          <header><h1>OutlookCrm</h1></header>
          <main>
          <p>The CRM beside every Outlook message: contacts, companies, deals, tickets and custom objects, each email's
             legal basis, and every sent and received email logged to the right timelines.</p>
          {{(harness ? HarnessSection : OutlookSection)}}
          <h2>Run it for your organisation</h2>
          <ul>
            <li><a href="{{AdminConsoleHosting.RequestPath}}/">The admin console</a>: connect team and help-desk mailboxes, see
                whether mail is flowing, privacy and logging settings, people. For OutlookCrm admins (the Crm.Admin role);
                others see what they may and are told whom to ask.{{(isDevelopment ? $" In Development, <a href=\"{AdminConsoleHosting.RequestPath}/?as=alex@contoso.com&amp;role=Crm.Admin\">sign in as Alex, the demo's admin</a>." : "")}}</li>
            <li id="deploy">IT deploys the add-in from the Microsoft 365 admin center with this server's manifest,
                <a href="/addin/manifest.xml">/addin/manifest.xml</a>; the deployment guide is <code>docs/deploy.md</code>
                in the OutlookCrm repository, and <code>docs/first-tenant.md</code> what to check on the first tenant.</li>
          </ul>
          <h2>The API</h2>
          <ul>
            {{(isDevelopment ? $"<li><a href=\"{ApiDocs.PagePath}\">The API, browsable</a></li>" : "")}}
            <li><a href="{{ApiDocs.DocumentPath}}">The OpenAPI document</a></li>
            <li><a href="/health">Health</a></li>
          </ul>
          {{(isDevelopment ? DevelopmentHelp : "")}}
          </main>
        </body>
        </html>
        """;

    private const string HarnessSection = $"""
        <h2>Try the task pane</h2>
        <p>The pane runs inside Outlook. Here, a simulated Outlook item sits beside the real pane (with the Graph emulator
           standing in for Microsoft 365), signed in as Alex Wilber of the demo company Contoso:</p>
        <ul>
          <li><a href="{ComposeExample}">Write an email</a> to Megan Bowen (who may be emailed) and Lee Gu (no legal basis
              yet: the pane asks for one); pick the records it is logged to, insert a template, and Send.</li>
          <li><a href="{ReadExample}">Read an email</a> from Megan: her card, her company and open deal, the email's timeline.</li>
        </ul>
        """;

    private const string OutlookSection = """
        <h2>The task pane</h2>
        <p>The pane runs inside Outlook (on the web, Windows, Mac and mobile) once IT has deployed the add-in: open an
           email and choose OutlookCrm.</p>
        """;

    private const string DevelopmentHelp = """
        <h2>Try the API (Development)</h2>
        <pre>TOKEN=$(curl -s -X POST localhost:5080/dev/token -H 'Content-Type: application/json' \
          -d '{"email":"alex@contoso.com","displayName":"Alex Wilber"}' | jq -r .accessToken)
        curl -s localhost:5080/api/lookup?email=Megan@Fabrikam.com -H "Authorization: Bearer $TOKEN"</pre>
        <p>Everyone at contoso.com signs in to the demo account.</p>
        """;
}
