using OutlookCrm.CrmApi.MailboxSync.Doctor;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Hosting.Commands;

/// <summary>
/// <c>CrmApi doctor [--mailbox address] [--outside address] [--tenant id]</c>: the doctor's checks against a tenant
/// (<c>--tenant</c>, else AzureAd:TenantId), printed for IT; exit code 1 when a check failed, 2 on bad usage. It needs
/// what serving needs (sign-in settings for Graph tokens, Graph, App:PublicBaseUrl) but serves nothing.
/// </summary>
public static class DoctorCommand
{
    private const string Usage = "Usage: CrmApi doctor [--mailbox someone@contoso.com] [--outside someone-else@contoso.com] [--tenant <tenant id>]";

    public static bool Matches(string[] args) => args.FirstOrDefault() == "doctor";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }
        string[] known = ["--mailbox", "--outside", "--tenant"];
        if (args.Length % 2 != 1 || options.Keys.Any(key => !known.Contains(key)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var emulator = app.Services.GetRequiredService<GraphOptions>().Emulator;
        var tenant = options.GetValueOrDefault("--tenant") ?? app.Configuration["AzureAd:TenantId"];
        // A multi-tenant deployment signs in with "organizations": the doctor needs the one customer tenant to check.
        if (tenant is null or "" or "common" or "organizations")
        {
            if (!emulator)
            {
                await Console.Error.WriteLineAsync($"Which tenant? Pass --tenant <the customer's tenant id>.\n{Usage}");
                return 2;
            }
            tenant = "emulator";
        }
        var report = await app.Services.GetRequiredService<DoctorRunner>()
            .RunAsync(new DoctorRequest(tenant, options.GetValueOrDefault("--mailbox"), options.GetValueOrDefault("--outside")), CancellationToken.None);
        Console.Write(DoctorText.Render(report));
        return report.Passed ? 0 : 1;
    }
}
