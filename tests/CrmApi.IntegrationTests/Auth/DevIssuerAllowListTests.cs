using System.Diagnostics;

namespace OutlookCrm.CrmApi.IntegrationTests.Auth;

/// <summary>
/// The built API, run as a real process, refuses to start with the dev issuer anywhere but Development or Testing, and
/// beside Entra ID, and says which setting to change.
/// </summary>
public class DevIssuerAllowListTests
{
    private static async Task<(int ExitCode, string Output)> StartAsync(string environment, params (string Key, string Value)[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-dev-issuer-");
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "crm.db")}";
            start.Environment["Auth__DevIssuer__Enabled"] = "true";
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the API started with the dev issuer in {environment}");
            }
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("UAT")]
    [InlineData("Production")]
    public async Task Start_DevIssuerOutsideDevelopmentOrTesting_RefusedNamingTheSetting(string environment)
    {
        var (exitCode, output) = await StartAsync(environment, ("AzureAd__ClientId", ""));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Auth:DevIssuer:Enabled is refused in the '{environment}' environment", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DevIssuerInDevelopmentBesideEntraId_RefusedNamingTheSetting()
    {
        var (exitCode, output) = await StartAsync("Development", ("AzureAd__ClientId", "11111111-2222-3333-4444-555555555555"), ("AzureAd__TenantId", "common"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:DevIssuer:Enabled is refused while AzureAd:ClientId is set", output, StringComparison.Ordinal);
    }
}
