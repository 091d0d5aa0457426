using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// The real API over a real SQLite file in a temporary folder, migrated at start, with the dev token issuer on:
/// its tokens go through the same JwtBearer pipeline, policy and account resolution as Entra ID tokens.
/// </summary>
public class CrmApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string[] CountableTables =
    [
        "records", "contact_emails", "associations", "object_types", "emails", "email_associations", "email_participants", "users",
        "communication_audit", "one_time_bases", "contact_subscriptions", "contact_opt_outs", "erased_addresses", "email_sightings", "message_outcomes",
        "mail_flow_hours",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outlookcrm-tests-");

    public string DatabasePath => Path.Combine(_folder.FullName, "crm.db");

    public string DevIssuerKeyPath => Path.Combine(_folder.FullName, "dev-issuer-key.pem");

    public string ConnectionString => $"Data Source={DatabasePath};Foreign Keys=True";

    protected virtual string EnvironmentName => "Testing";

    protected virtual bool DevIssuerEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Auth:DevIssuer:Enabled", DevIssuerEnabled ? "true" : "false");
        builder.UseSetting("Auth:DevIssuer:KeyPath", DevIssuerKeyPath);
        // Every test makes its own tenants; outside Development only a test host lets the dev issuer onboard them.
        builder.UseSetting("Auth:DevIssuer:OnboardTenants", "true");
        builder.UseSetting("ClientState:KeyPath", Path.Combine(_folder.FullName, "client-state-key"));
        builder.UseSetting("Demo:Seed", "false");
        // The real Graph SDK talks to the in-process emulator, and the emulator calls the webhooks back, all through the
        // test server: no sockets, the same code paths as production. Timings are shortened so tests run in seconds.
        builder.UseSetting("Graph:Emulator", "true");
        builder.UseSetting("Graph:BaseUrl", $"{PublicBaseUrl}/_emulator/graph/v1.0");
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Ingestion:PollInterval", "00:00:00.050");
        builder.UseSetting("Ingestion:KeeperInterval", "00:00:00.300");
        builder.UseSetting("Ingestion:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("Ingestion:RetryMaxDelay", "00:00:01");
        builder.UseSetting("Ingestion:Lease", "00:00:15");
        builder.UseSetting("GraphEmulator:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("GraphEmulator:RetryMaxDelay", "00:00:01");
        builder.UseSetting("GraphEmulator:BatchWindow", "00:00:00.010");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (!UsesTestServer)
        {
            return;
        }
        builder.ConfigureTestServices(services =>
        {
            // The app's own test server, found in its container (not this factory's Server, which is still being built
            // while the hosted services start) and resolved at the first request.
            static HttpMessageHandler TestServerOf(IServiceProvider provider) => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler();
            services.AddSingleton(provider => new GraphTransport(() => new DeferredHandler(() => TestServerOf(provider))));
            services.AddHttpClient(NotificationDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(TestServerOf);
        });
    }

    /// <summary>Where the app is reached: the in-memory test server, or a real Kestrel port (browser tests).</summary>
    protected virtual string PublicBaseUrl => "http://localhost";

    /// <summary>False when the app runs on Kestrel: Graph and the emulator's callbacks then go over real loopback HTTP.</summary>
    protected virtual bool UsesTestServer => true;

    /// <summary>Extra settings of a factory made for one test (e.g. a renewal window).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>Rows of one table that belong to an account, read straight from the file: proof of what was written.</summary>
    public async Task<long> CountRowsAsync(string table, Guid accountId)
    {
        Assert.Contains(table, CountableTables);
        await using var connection = new SqliteConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE account_id = @AccountId", new { AccountId = accountId.ToString("D").ToUpperInvariant() });
    }

    /// <summary>
    /// Starts the host once, before any test: WebApplicationFactory builds its server lazily and not under a lock, so
    /// parallel first calls would start two hosts migrating one file.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        if (UsesTestServer)
        {
            _ = Server;
        }
        else
        {
            StartServer();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Our row id for a Graph subscription id (the row id is the first part of its clientState).</summary>
    public async Task<Guid> SubscriptionRowIdAsync(string graphSubscriptionId)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        var id = await connection.ExecuteScalarAsync<string>("SELECT id FROM graph_subscriptions WHERE graph_subscription_id = @Id", new { Id = graphSubscriptionId });
        return Guid.Parse(id!);
    }

    /// <summary>The clientState this server gave a subscription row (signed states are the same each time they are made).</summary>
    public string ClientStateOf(Guid rowId) => Services.GetRequiredService<ClientStates>().New(rowId);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        // A background write racing the host's last moments (a SQLite journal file) can land while the folder goes:
        // try again shortly rather than fail a test that passed (a real process that stops deletes no folder).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _folder.Delete(recursive: true);
                break;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200);
                SqliteConnection.ClearAllPools();
            }
        }
        GC.SuppressFinalize(this);
    }
}
