namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>The <c>Auth</c> configuration section. Entra ID itself is configured in the standard <c>AzureAd</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The API's application id URI, the audience of every token it accepts.</summary>
    public string Audience { get; set; } = "api://outlookcrm";

    /// <summary>The delegated scope the task pane asks for; app-only tokens never reach the user API.</summary>
    public string RequiredScope { get; set; } = "access_as_user";

    /// <summary>
    /// Client apps (the <c>azp</c> of a token) accepted besides Entra's <c>AzureAd:ClientId</c> (the add-in's own
    /// registration, always accepted) and the dev issuer's add-in: e.g. a separate admin-console registration.
    /// </summary>
    public List<string> AllowedClientIds { get; set; } = [];

    public DevIssuerOptions DevIssuer { get; set; } = new();
}

public sealed class DevIssuerOptions
{
    /// <summary>Off unless configured; the API refuses to start with it outside Development or Testing, or beside Entra ID.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the issuer's signing key is kept so tokens survive a restart; relative to the content root.</summary>
    public string KeyPath { get; set; } = "data/dev-issuer-key.pem";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Whether <c>/dev/token</c> onboards a tenant that has no account yet. Always in Development; in Testing only when
    /// the test host sets this (each test makes its own tenants). Anywhere else the issuer does not run at all.
    /// </summary>
    public bool OnboardTenants { get; set; }
}
