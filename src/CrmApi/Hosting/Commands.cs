using OutlookCrm.CrmApi.Accounts;
using OutlookCrm.CrmApi.Data;

namespace OutlookCrm.CrmApi.Hosting;

/// <summary>
/// One-off commands of the same binary, for production where instances never migrate at boot:
/// <c>CrmApi migrate</c> and <c>CrmApi onboard-tenant &lt;tenant-id&gt; &lt;name&gt;</c>.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.FirstOrDefault() is "migrate" or "onboard-tenant";

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == "migrate")
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            Console.WriteLine("The database is up to date.");
            return 0;
        }
        if (args.Length < 3 || !Guid.TryParse(args[1], out var tenantId))
        {
            await Console.Error.WriteLineAsync("Usage: CrmApi onboard-tenant <tenant-id (GUID)> <account name>");
            return 2;
        }
        var account = await app.Services.GetRequiredService<AccountOnboarding>()
            .OnboardAsync(tenantId.ToString("D"), string.Join(' ', args[2..]), CancellationToken.None);
        Console.WriteLine($"Tenant {account.TenantId} is onboarded as account {account.Id}.");
        return 0;
    }
}
