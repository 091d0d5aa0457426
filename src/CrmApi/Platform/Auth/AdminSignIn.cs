namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// <c>GET /admin/sign-in.json</c> (anonymous): how the admin console gets its token — the same Entra app and scope as
/// the pane (<see cref="PaneSignIn"/>), by MSAL's redirect flow since the console is a page of its own, not a pane
/// inside Outlook; the dev issuer where the pane uses it. Public facts only.
/// </summary>
public static class AdminSignIn
{
    public const string ConfigPath = "/sign-in.json";

    public static WebApplication MapAdminSignIn(this WebApplication app)
    {
        var config = Describe(app.Configuration, app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions());
        app.MapGet($"/admin{ConfigPath}", () => config).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The pane's settings, with its Nested App Authentication replaced by the redirect flow.</summary>
    public static PaneSignIn.SignInConfig Describe(IConfiguration configuration, AuthOptions options)
    {
        var pane = PaneSignIn.Describe(configuration, options);
        return pane with { Method = pane.Method == "naa" ? "redirect" : pane.Method };
    }
}
