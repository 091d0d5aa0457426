using System.Text.RegularExpressions;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// Why Entra ID gave no app-only token, from the AADSTS code in the error (learn.microsoft.com
/// entra/identity-platform/reference-error-codes), in words and with the setting to change.
/// </summary>
public static partial class TokenFailures
{
    public static (string Summary, string Fix) Describe(Exception error, string tenantId, DoctorSettings settings)
    {
        var consent = $"an admin of tenant {tenantId} opens {settings.AdminConsentUrl(tenantId)} and consents";
        var code = AadstsCode().Match(error.Message) is { Success: true } match ? match.Value : null;
        var said = $"Entra ID gave no Graph token: {FirstLine(error.Message)}";
        return code switch
        {
            "AADSTS7000215" or "AADSTS7000222" => (said,
                "The client secret is wrong or expired: create a new one (app registration > Certificates & secrets) and put it in AzureAd:ClientCredentials, or better use a certificate there."),
            "AADSTS700027" or "AADSTS700024" or "AADSTS700023" => (said,
                "The certificate in AzureAd:ClientCredentials is not one uploaded to the app registration (Certificates & secrets), or it expired: upload its public key, or point AzureAd:ClientCredentials at the right one."),
            "AADSTS7000218" => (said, "No credential was sent: set AzureAd:ClientCredentials (a certificate, or a client secret)."),
            "AADSTS700016" => (said, $"The app {settings.ClientId} is not in tenant {tenantId} yet: {consent}; check AzureAd:ClientId."),
            "AADSTS90002" or "AADSTS900023" or "AADSTS90023" => (said, $"Tenant {tenantId} is unknown: pass --tenant <the customer's tenant id> or set AzureAd:TenantId."),
            _ when error is InvalidOperationException => ($"No Graph token provider: {FirstLine(error.Message)}",
                "Set AzureAd:Instance (https://login.microsoftonline.com/), AzureAd:ClientId and AzureAd:ClientCredentials (see docs/deploy.md)."),
            _ => (said, $"Check AzureAd:ClientId, AzureAd:TenantId and AzureAd:ClientCredentials; if they are right, {consent}."),
        };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"AADSTS\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
