using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.GraphEmulator;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// CrmApi killed (SIGKILL) or stopped (SIGTERM) in the middle of a burst against a standalone emulator, which keeps
/// retrying its notifications while the API is down; after a restart every message is logged, none twice.
/// </summary>
public class CrashRecoveryTests
{
    private const int Messages = 500;

    /// <summary>
    /// Killed (SIGKILL: nothing finishes) or stopped (SIGTERM: the host shuts down gracefully, the worker's claimed rows
    /// left to their leases) a third of the way into a burst, while the emulator keeps sending; restarted.
    /// </summary>
    [Theory]
    [InlineData("killed")]
    [InlineData("stopped")]
    public async Task MidBurst_Restarted_EveryMessageLoggedExactlyOnce(string how)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("outlookcrm-crash-");
        var emulatorPort = ProcessHost.FreePort();
        var apiPort = ProcessHost.FreePort();
        var database = Path.Combine(folder.FullName, "crm.db");
        await using var emulator = new ProcessHost(typeof(EmulatorHost).Assembly.Location, folder.FullName, new Dictionary<string, string>
        {
            ["GraphEmulator__RetryBaseDelay"] = "00:00:00.200",
            ["GraphEmulator__RetryMaxDelay"] = "00:00:01",
        }, emulatorPort);
        var apiSettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["Database__MigrateOnStartup"] = "true",
            ["Auth__DevIssuer__Enabled"] = "true",
            ["Auth__DevIssuer__KeyPath"] = Path.Combine(folder.FullName, "key.pem"),
            ["Graph__Emulator"] = "true",
            ["Graph__BaseUrl"] = $"http://127.0.0.1:{emulatorPort}{GraphEmulatorExtensions.GraphPath}",
            ["App__PublicBaseUrl"] = $"http://127.0.0.1:{apiPort}",
            ["Ingestion__Lease"] = "00:00:03",
            ["Ingestion__PollInterval"] = "00:00:00.050",
            ["Ingestion__KeeperInterval"] = "00:00:00.500",
            ["Ingestion__RetryBaseDelay"] = "00:00:00.200",
        };
        await using var api = new ProcessHost(typeof(Program).Assembly.Location, folder.FullName, apiSettings, apiPort);
        try
        {
            await emulator.StartAsync("/_emulator");
            await api.StartAsync("/health");
            using var control = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
            using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
            const string Address = "alex@crash.example.com";
            await control.PostAsJsonAsync("/_emulator/mailboxes", new { address = Address }, ct);
            var token = await (await http.PostAsJsonAsync("/dev/token", new { email = Address }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/mailboxes", new { address = Address, kind = "personal" }, ct)).StatusCode);
            var contact = (await (await http.PostAsJsonAsync("/api/records/contact", new { name = "Megan" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            for (var i = 0; i < Messages; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync($"/api/log-intents/t-crash-{i}", new { log = true, associations = new[] { contact } }, ct)).StatusCode);
            }

            for (var i = 0; i < Messages; i++)
            {
                if (i == Messages / 3 && how == "killed")
                {
                    await api.KillAsync();
                }
                else if (i == Messages / 3)
                {
                    Assert.Equal(0, await api.StopAsync(TimeSpan.FromSeconds(30)));
                }
                var sent = await control.PostAsJsonAsync($"/_emulator/mailboxes/{Address}/send", new
                {
                    to = new[] { "megan@fabrikam.com" },
                    subject = $"Burst {i}",
                    bodyHtml = "<p>burst</p>",
                    customProperties = new Dictionary<string, string> { ["trackingId"] = $"t-crash-{i}" },
                }, ct);
                Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            }
            await api.StartAsync("/health");

            await Emulator.EventuallyAsync(async () => await CountAsync(database, "SELECT COUNT(*) FROM emails") >= Messages, $"{Messages} emails", TimeSpan.FromSeconds(90));
            await Task.Delay(1000, ct);
            Assert.Equal(Messages, await CountAsync(database, "SELECT COUNT(*) FROM emails"));
            Assert.Equal(Messages, await CountAsync(database, "SELECT COUNT(DISTINCT logged_because) FROM emails"));
            Assert.Equal(Messages, await CountAsync(database, "SELECT COUNT(*) FROM email_associations"));
        }
        finally
        {
            await api.KillAsync();
            await emulator.KillAsync();
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
