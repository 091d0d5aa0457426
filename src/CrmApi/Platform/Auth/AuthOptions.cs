namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>The <c>Auth</c> configuration section. Entra ID itself is configured in the standard <c>AzureAd</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The API's application id URI, the audience of every token it accepts.</summary>
    public string Audience { get; set; } = "api://outlookcrm";

    /// <summary>The delegated scope the task pane asks for; app-only tokens never reach the user API.</summary>
    public string RequiredScope { get; set; } = "access_as_user";

    public DevIssuerOptions DevIssuer { get; set; } = new();
}

public sealed class DevIssuerOptions
{
    /// <summary>Off unless configured; the API refuses to start with it outside Development or Testing, or beside Entra ID.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the issuer's signing key is kept so tokens survive a restart; relative to the content root.</summary>
    public string KeyPath { get; set; } = "data/dev-issuer-key.pem";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
