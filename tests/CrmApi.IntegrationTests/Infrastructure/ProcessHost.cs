using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// A built app (CrmApi or the standalone emulator) run as a real process on a loopback port, so a test can kill it
/// with SIGKILL and start it again.
/// </summary>
public sealed class ProcessHost(string assemblyPath, string workingDirectory, IReadOnlyDictionary<string, string> environment, int port) : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = port;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(string readyPath)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assemblyPath);
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        // Drain the output so the child never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"{Path.GetFileName(assemblyPath)} exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync(new Uri(readyPath, UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{Path.GetFileName(assemblyPath)} did not start");
    }

    /// <summary>SIGTERM, as a host or an orchestrator stops a service: the app shuts down gracefully; its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (_process is null)
        {
            return 0;
        }
        var process = _process;
        if (process.HasExited)
        {
            return process.ExitCode;
        }
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no drain, no flush; whatever was in flight is simply gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
