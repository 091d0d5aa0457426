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

    /// <summary>Starts the built CrmApi with src/CrmApi as its content root (its settings and the built pane in wwwroot).</summary>
    public static async Task<ServerProcess> StartAsync(string repository, bool ingestion)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-bench-").FullName;
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var server = typeof(OutlookCrm.CrmApi.Data.Db).Assembly.Location;
        var contentRoot = Path.Combine(repository, "src", "CrmApi");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(server);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["App__PublicBaseUrl"] = baseUrl;
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}";
        start.Environment["Auth__DevIssuer__KeyPath"] = Path.Combine(folder, "dev-issuer-key.pem");
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Ingestion__Enabled"] = ingestion ? "true" : "false";
        // Logging at Information costs more than some of the figures measured.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
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
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
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
        throw new InvalidOperationException("CrmApi did not start (see its output above).");
    }

    /// <summary>The server process's working set, in megabytes.</summary>
    public double WorkingSetMegabytes()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>A client signed in as a user of a new account (the dev issuer creates it), and the account's id.</summary>
    public async Task<(HttpClient Client, Guid AccountId, Guid UserId)> SignInAsync(string email)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(BaseUrl) };
        var token = await http.PostAsJsonAsync("/dev/token", new { email, displayName = "Bench Rep" });
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
