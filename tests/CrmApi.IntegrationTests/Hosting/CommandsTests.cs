using System.Diagnostics;
using System.Xml.Linq;
using Dapper;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.CrmApi.IntegrationTests.Hosting;

/// <summary>The production commands, run as a real process of the built API with Production settings.</summary>
public class CommandsTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = "Data Source=prod.db";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
            + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task MigrateThenOnboard_InProductionWithoutSignInSettings_Works()
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-commands-");
        try
        {
            var tenant = Guid.NewGuid();

            var migrate = await RunAsync(folder.FullName, "migrate");
            var onboard = await RunAsync(folder.FullName, "onboard-tenant", tenant.ToString(), "Fabrikam", "Ltd");
            var usage = await RunAsync(folder.FullName, "onboard-tenant", "not-a-guid");

            Assert.True(migrate.ExitCode == 0, migrate.Output);
            Assert.True(onboard.ExitCode == 0, onboard.Output);
            Assert.Equal(2, usage.ExitCode);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "prod.db")}");
            Assert.Equal("Fabrikam Ltd", await connection.ExecuteScalarAsync<string>("SELECT name FROM accounts WHERE tenant_id = @TenantId", new { TenantId = tenant.ToString("D") }));
            Assert.Equal(4, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM object_types"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Manifest_ForAProductionHost_IsWrittenWithoutADatabase_AndABadHostIsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-manifest-command-");
        try
        {
            const string client = "11111111-2222-3333-4444-555555555555";

            var written = await RunAsync(folder.FullName, "manifest", "--base-url", "https://crm.contoso.com", "--client-id", client, "--version", "1.2.0.0", "--out", "manifest.xml");
            var refused = await RunAsync(folder.FullName, "manifest", "--base-url", "http://crm.contoso.com");
            var usage = await RunAsync(folder.FullName, "manifest", "--color", "blue");

            Assert.True(written.ExitCode == 0, written.Output);
            var xml = XDocument.Load(Path.Combine(folder.FullName, "manifest.xml"));
            var urls = xml.Descendants().Attributes("DefaultValue").Select(attribute => attribute.Value).Where(value => value.Contains("://", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, url => Assert.StartsWith("https://crm.contoso.com/", url, StringComparison.Ordinal));
            Assert.Contains(xml.Descendants(), element => element.Name.LocalName == "WebApplicationInfo");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("baseUrl:", refused.Output, StringComparison.Ordinal);
            Assert.Equal(2, usage.ExitCode);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "prod.db")), "the manifest command touched the database");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
