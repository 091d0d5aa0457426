using System.Diagnostics;
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
}
