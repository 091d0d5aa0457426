namespace OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

/// <summary>
/// Where the dev issuer may run, by allow-list rather than by refusing one name: it mints a token for anyone, so it runs
/// only in Development or Testing, and never beside Entra ID (a server configured for real sign-in is a real server,
/// whatever its environment is called: Staging, UAT, or production started as Development).
/// </summary>
public static class DevIssuerAllowList
{
    public static readonly string[] Environments = ["Development", "Testing"];

    /// <summary>Why the dev issuer may not run here, naming the setting to change; null when it may.</summary>
    public static string? Refusal(string environmentName, bool entraConfigured) =>
        !Environments.Contains(environmentName, StringComparer.OrdinalIgnoreCase)
            ? $"Auth:DevIssuer:Enabled is refused in the '{environmentName}' environment: the dev issuer mints tokens for anyone and runs only in "
              + $"{string.Join(" or ", Environments)}. Set Auth:DevIssuer:Enabled to false (docs/deploy.md)."
            : entraConfigured
                ? "Auth:DevIssuer:Enabled is refused while AzureAd:ClientId is set: a server that signs people in with Entra ID must not also mint "
                  + "its own tokens. Set Auth:DevIssuer:Enabled to false, or remove AzureAd:ClientId for local development."
                : null;
}
