using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.GraphEmulator;

namespace OutlookCrm.CrmApi.IntegrationTests.Doctor;

/// <summary>
/// The doctor's world as IT has it: "Graph" (the standalone emulator) and a deployed CrmApi that answers the webhook,
/// each a real process on loopback; the doctor itself is a third process, <c>dotnet CrmApi.dll doctor</c>, pointed
/// at them by its settings, the way an admin runs it beside a deployment.
/// </summary>
public sealed class DoctorDeployment : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outlookcrm-doctor-");
    private ProcessHost? _emulator;
    private ProcessHost? _api;

    /// <summary>The emulator's control API.</summary>
    public HttpClient Control { get; private set; } = new();

    public string ApiBaseUrl => _api!.BaseUrl;

    public string GraphBaseUrl => $"{_emulator!.BaseUrl}{GraphEmulatorExtensions.GraphPath}";

    public async ValueTask InitializeAsync()
    {
        var emulatorPort = ProcessHost.FreePort();
        var apiPort = ProcessHost.FreePort();
        // A short validation timeout, so the test of a webhook that never answers ends soon (Graph waits about 10 s).
        _emulator = new ProcessHost(typeof(EmulatorHost).Assembly.Location, _folder.FullName,
            new Dictionary<string, string> { ["GraphEmulator__ValidationTimeout"] = "00:00:03" }, emulatorPort);
        _api = new ProcessHost(typeof(Program).Assembly.Location, _folder.FullName, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "crm.db")}",
            ["Database__MigrateOnStartup"] = "true",
            ["ClientState__KeyPath"] = Path.Combine(_folder.FullName, "client-state-key"),
            ["Graph__Emulator"] = "true",
            ["Graph__BaseUrl"] = $"http://127.0.0.1:{emulatorPort}{GraphEmulatorExtensions.GraphPath}",
            ["App__PublicBaseUrl"] = $"http://127.0.0.1:{apiPort}",
        }, apiPort);
        await _emulator.StartAsync("/_emulator");
        await _api.StartAsync("/health");
        Control = new HttpClient { BaseAddress = new Uri(_emulator.BaseUrl) };
    }

    public async Task<string> MailboxAsync(string address)
    {
        Assert.Equal(HttpStatusCode.Created, (await Control.PostAsJsonAsync("/_emulator/mailboxes", new { address })).StatusCode);
        return address;
    }

    /// <summary>
    /// Runs <c>dotnet CrmApi.dll doctor args</c> with the deployment's settings, <paramref name="settings"/> over them
    /// (e.g. another App:PublicBaseUrl); its exit code and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> DoctorAsync(IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("doctor");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "doctor.db")}";
        start.Environment["ClientState__KeyPath"] = Path.Combine(_folder.FullName, "client-state-key");
        start.Environment["Graph__Emulator"] = "true";
        start.Environment["Graph__BaseUrl"] = GraphBaseUrl;
        start.Environment["App__PublicBaseUrl"] = ApiBaseUrl;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The subscriptions "Graph" still holds on a mailbox: the doctor's test subscription must not be one of them.</summary>
    public async Task<int> SubscriptionsOnAsync(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{GraphBaseUrl}/subscriptions");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "emulator-access-token");
        using var reply = await Control.SendAsync(request);
        var page = await reply.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return page.GetProperty("value").EnumerateArray().Count(subscription => subscription.GetProperty("resource").GetString()!.Contains(address, StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
        _folder.Delete(recursive: true);
    }
}
