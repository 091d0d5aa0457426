using OutlookCrm.CrmApi.Hosting.Addin;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Hosting.Commands;

/// <summary>
/// One-off commands of the same binary, for production where instances never migrate at boot:
/// <c>CrmApi migrate</c>, <c>CrmApi onboard-tenant &lt;tenant-id&gt; &lt;name&gt;</c> and
/// <c>CrmApi manifest --base-url https://crm.contoso.com [--app-id GUID] [--client-id GUID] [--version 1.0.0.0] [--out file]</c>.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.FirstOrDefault() is "migrate" or "onboard-tenant" or "manifest";

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == "manifest")
        {
            return await WriteManifestAsync(app.Configuration, args[1..]);
        }
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

    /// <summary>Writes the add-in manifest for a deployment (to a file, or to standard output); needs no database.</summary>
    private static async Task<int> WriteManifestAsync(IConfiguration configuration, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }
        var known = new[] { "--base-url", "--app-id", "--client-id", "--version", "--out" };
        if (args.Length % 2 != 0 || options.Keys.Any(key => !known.Contains(key)) || !options.TryGetValue("--base-url", out var baseUrl))
        {
            await Console.Error.WriteLineAsync("Usage: CrmApi manifest --base-url https://crm.contoso.com [--app-id GUID] [--client-id GUID] [--version 1.0.0.0] [--out manifest.xml]");
            return 2;
        }
        var settings = ManifestApi.SettingsFor(configuration, baseUrl, options.GetValueOrDefault("--app-id"),
            options.GetValueOrDefault("--client-id"), options.GetValueOrDefault("--version"));
        if (AddinManifest.Check(settings) is { Count: > 0 } problems)
        {
            foreach (var (field, message) in problems)
            {
                await Console.Error.WriteLineAsync($"{field}: {message}");
            }
            return 2;
        }
        var xml = AddinManifest.Render(settings);
        if (options.GetValueOrDefault("--out") is { } path)
        {
            await File.WriteAllTextAsync(path, xml);
            Console.WriteLine($"Wrote the manifest for {settings.BaseUrl} (add-in {settings.AppId}, version {settings.Version}) to {path}.");
        }
        else
        {
            Console.WriteLine(xml);
        }
        return 0;
    }
}
