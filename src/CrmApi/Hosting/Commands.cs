using OutlookCrm.CrmApi.Accounts;
using OutlookCrm.CrmApi.Data;

namespace OutlookCrm.CrmApi.Hosting;

/// <summary>
/// One-off commands of the same binary, for production where instances never migrate at boot:
/// <c>CrmApi migrate</c> and <c>CrmApi onboard-tenant &lt;tenant-id&gt; &lt;name&gt;</c>.
/// </summary>
public static class Commands
{
    /// <summary>Runs the command named by the first argument; false when there is none (serve as usual).</summary>
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                Console.WriteLine("The database is up to date.");
                return true;
            case "onboard-tenant" when args.Length >= 3 && Guid.TryParse(args[1], out var tenantId):
                var account = await app.Services.GetRequiredService<AccountOnboarding>()
                    .OnboardAsync(tenantId.ToString("D"), string.Join(' ', args[2..]), CancellationToken.None);
                Console.WriteLine($"Tenant {account.TenantId} is onboarded as account {account.Id}.");
                return true;
            case "onboard-tenant":
                Console.Error.WriteLine("Usage: CrmApi onboard-tenant <tenant-id (GUID)> <account name>");
                Environment.ExitCode = 2;
                return true;
            default:
                return false;
        }
    }
}
