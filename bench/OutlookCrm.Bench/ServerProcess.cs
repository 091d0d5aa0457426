using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace OutlookCrm.Bench;

/// <summary>
/// CrmApi as its own process on a loopback port, with a fresh SQLite file: the load generator (this process) and the
/// server never share a CPU scheduler's view of one process, as in production.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string baseUrl, string folder)
    {
        _process = process;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    public string BaseUrl { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "bench.db");

    /// <summary>The key the benchmark's servers sign clientStates with, made for this run.</summary>
    public static readonly byte[] ClientStateKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// Starts the built CrmApi with src/CrmApi as its content root (its settings and the built pane in wwwroot); with
    /// <paramref name="graphBaseUrl"/> it talks to that Graph (a standalone emulator), else to its own in-process one.
    /// </summary>
    public static Task<ServerProcess> StartAsync(string repository, bool ingestion, string? graphBaseUrl = null)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-bench-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Auth__DevIssuer__KeyPath"] = Path.Combine(folder, "dev-issuer-key.pem"),
            ["Demo__Seed"] = "false",
            ["Ingestion__Enabled"] = ingestion ? "true" : "false",
            // The benchmarks measure the API, from one tenant: its per-tenant rate limit would measure itself.
            ["RateLimit__PerTenantPerSecond"] = "1000000",
            ["RateLimit__PerTenantBurst"] = "1000000",
            // ...and the webhook's per-address one, all of the intake benchmark coming from loopback.
            ["Ingestion__WebhookPerAddressPerSecond"] = "1000000",
            ["Ingestion__WebhookPerAddressBurst"] = "1000000",
            // The seeder signs the clientStates of the subscriptions it writes with the server's key.
            ["ClientState__Key"] = Convert.ToBase64String(ClientStateKey),
        };
        if (graphBaseUrl is not null)
        {
            settings["Graph__BaseUrl"] = graphBaseUrl;
        }
        return StartAsync(typeof(OutlookCrm.CrmApi.Platform.Data.Db).Assembly.Location, Path.Combine(repository, "src", "CrmApi"), folder, settings, "/health");
    }

    /// <summary>The Graph emulator on its own, as Graph is another service: its memory and threads are not the API's.</summary>
    public static Task<ServerProcess> StartEmulatorAsync(string repository) =>
        StartAsync(typeof(OutlookCrm.GraphEmulator.EmulatorHost).Assembly.Location, Path.Combine(repository, "src", "GraphEmulator"),
            Directory.CreateTempSubdirectory("outlookcrm-bench-graph-").FullName, new Dictionary<string, string>(), "/_emulator");

    private static async Task<ServerProcess> StartAsync(string assembly, string contentRoot, string folder, Dictionary<string, string> settings, string readyPath)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["App__PublicBaseUrl"] = baseUrl;
        // Logging at Information costs more than some of the figures measured.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 } text) { Console.Error.WriteLine($"  [server] {text}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ServerProcess(process, baseUrl, folder);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync(readyPath)).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (process.HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        await running.DisposeAsync();
        throw new InvalidOperationException($"{Path.GetFileName(assembly)} did not start (see its output above).");
    }

    /// <summary>The server process's working set, in megabytes.</summary>
    public double WorkingSetMegabytes()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>A client signed in as a user of a new account (the dev issuer creates it), and the account's id.</summary>
    private static readonly string[] AdminRoles = ["Crm.User", "Crm.Admin"];

    /// <summary><paramref name="admin"/>: also Crm.Admin, to connect other people's and team mailboxes (a rep connects only their own).</summary>
    public async Task<(HttpClient Client, Guid AccountId, Guid UserId)> SignInAsync(string email, bool admin = false)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(BaseUrl) };
        var token = await http.PostAsJsonAsync("/dev/token", admin
            ? new { email, displayName = "Bench Admin", roles = AdminRoles }
            : (object)new { email, displayName = "Bench Rep" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var me = await http.GetFromJsonAsync<JsonElement>("/api/me");
        return (http, me.GetProperty("accountId").GetGuid(), me.GetProperty("userId").GetGuid());
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting server: the temp folder is cleaned by the OS.
        }
    }
}
