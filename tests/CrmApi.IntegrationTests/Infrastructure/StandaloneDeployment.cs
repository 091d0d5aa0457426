using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.GraphEmulator;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// CrmApi and the Graph emulator as two real processes on loopback over one SQLite file: a test can kill, stop and
/// restart the API while "Graph" keeps its mail and its subscriptions, as in production. One rep, its mailbox
/// connected, and a contact every message is logged to.
/// </summary>
public sealed class StandaloneDeployment : IAsyncDisposable
{
    public const string Address = "alex@standalone.example.com";

    private readonly DirectoryInfo _folder;

    private StandaloneDeployment(DirectoryInfo folder, ProcessHost emulator, ProcessHost api)
    {
        _folder = folder;
        Emulator = emulator;
        Api = api;
        Apis = [api];
        Control = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        Http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
    }

    public ProcessHost Emulator { get; }

    public ProcessHost Api { get; }

    /// <summary>Every API instance, <see cref="Api"/> first: the others share its database and its emulator.</summary>
    public List<ProcessHost> Apis { get; }

    /// <summary>The emulator's control and Graph endpoints.</summary>
    public HttpClient Control { get; }

    /// <summary>The API, signed in as the rep.</summary>
    public HttpClient Http { get; }

    public Guid Contact { get; private set; }

    public Guid MailboxId { get; private set; }

    public string Database => Path.Combine(_folder.FullName, "crm.db");

    /// <summary>
    /// <paramref name="instances"/> API processes over the one database and emulator (started in turn, so one migrates),
    /// each with the <paramref name="apiSettings"/> (environment variables) on top of the usual ones.
    /// </summary>
    public static async Task<StandaloneDeployment> StartAsync(CancellationToken ct, int instances = 1, IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-standalone-");
        var emulatorPort = ProcessHost.FreePort();
        var apiPort = ProcessHost.FreePort();
        var emulator = new ProcessHost(typeof(EmulatorHost).Assembly.Location, folder.FullName, new Dictionary<string, string>
        {
            ["GraphEmulator__RetryBaseDelay"] = "00:00:00.200",
            ["GraphEmulator__RetryMaxDelay"] = "00:00:01",
        }, emulatorPort);
        ProcessHost NewApi(int port)
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "crm.db")}",
                ["Database__MigrateOnStartup"] = "true",
                ["Auth__DevIssuer__Enabled"] = "true",
                ["Auth__DevIssuer__OnboardTenants"] = "true",
                ["Auth__DevIssuer__KeyPath"] = Path.Combine(folder.FullName, "key.pem"),
                ["ClientState__KeyPath"] = Path.Combine(folder.FullName, "client-state-key"),
                ["Graph__Emulator"] = "true",
                ["Graph__BaseUrl"] = $"http://127.0.0.1:{emulatorPort}{GraphEmulatorExtensions.GraphPath}",
                ["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
                ["Ingestion__Lease"] = "00:00:03",
                ["Ingestion__PollInterval"] = "00:00:00.050",
                ["Ingestion__KeeperInterval"] = "00:00:00.500",
                ["Ingestion__RetryBaseDelay"] = "00:00:00.200",
            };
            foreach (var (key, value) in apiSettings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }
            return new ProcessHost(typeof(Program).Assembly.Location, folder.FullName, settings, port);
        }

        var api = NewApi(apiPort);
        var deployment = new StandaloneDeployment(folder, emulator, api);
        await emulator.StartAsync("/_emulator");
        await api.StartAsync("/health");
        for (var i = 1; i < instances; i++)
        {
            var another = NewApi(ProcessHost.FreePort());
            deployment.Apis.Add(another);
            await another.StartAsync("/health");
        }
        await deployment.Control.PostAsJsonAsync("/_emulator/mailboxes", new { address = Address }, ct);
        var token = await (await deployment.Http.PostAsJsonAsync("/dev/token", new { email = Address, roles = CrmClient.AdminRoles }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        deployment.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var mailbox = await deployment.Http.PostAsJsonAsync("/api/mailboxes", new { address = Address, kind = "personal" }, ct);
        Assert.Equal(HttpStatusCode.Created, mailbox.StatusCode);
        deployment.MailboxId = (await mailbox.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        deployment.Contact = (await (await deployment.Http.PostAsJsonAsync("/api/records/contact", new { name = "Megan" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        return deployment;
    }

    /// <summary>The pane's log intents for the tracking ids, while the API is up.</summary>
    public async Task IntentsAsync(string prefix, int from, int to, CancellationToken ct)
    {
        for (var i = from; i < to; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync($"/api/log-intents/{prefix}-{i}", new { log = true, associations = new[] { Contact } }, ct)).StatusCode);
        }
    }

    /// <summary>A message sent from the rep's mailbox, stamped with its tracking id (whether the API is up or not).</summary>
    public async Task SendAsync(string prefix, int i, CancellationToken ct)
    {
        var sent = await Control.PostAsJsonAsync($"/_emulator/mailboxes/{Address}/send", new
        {
            to = new[] { "megan@fabrikam.com" },
            subject = $"Burst {i}",
            bodyHtml = "<p>burst</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = $"{prefix}-{i}" },
        }, ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>
    /// Every message logged exactly once: as many emails as sent, each from its own intent, each on the contact. Asked
    /// once the mailbox has settled and the emulator is finished with the <paramref name="notifications"/> it sent for
    /// them (by default one a message; fewer when some were sent while no subscription watched), retries after a
    /// crash included: a redelivery that comes late would otherwise be counted, or not, by luck.
    /// </summary>
    public async Task AssertLoggedOnceAsync(int messages, int? notifications = null)
    {
        await Settled.WaitAsync($"Data Source={Database}", MailboxId, messages,
            async () => Infrastructure.Emulator.Delivered(await Control.GetFromJsonAsync<JsonElement>("/_emulator/stats")) >= (notifications ?? messages),
            TimeSpan.FromSeconds(90));
        Assert.Equal(messages, await CountAsync("SELECT COUNT(*) FROM emails"));
        Assert.Equal(messages, await CountAsync("SELECT COUNT(DISTINCT logged_because) FROM emails"));
        Assert.Equal(messages, await CountAsync("SELECT COUNT(*) FROM email_associations"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in Apis)
        {
            await api.DisposeAsync();
        }
        await Emulator.DisposeAsync();
        Control.Dispose();
        Http.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
