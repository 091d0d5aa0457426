using System.Diagnostics;
using System.Net;

namespace OutlookCrm.Bench;

/// <summary>The limit server (<see cref="LimitServer"/>) as its own process, this program started again with the switch.</summary>
public sealed class LimitProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LimitProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<LimitProcess> StartAsync(string databasePath, Guid accountId, Guid mailboxId)
    {
        var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "exec", typeof(LimitServer).Assembly.Location, LimitServer.Switch, databasePath, url, accountId.ToString(), mailboxId.ToString() })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 } text) { Console.Error.WriteLine($"  [limit] {text}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new LimitProcess(process, url);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await running.DisposeAsync();
        throw new InvalidOperationException("The limit server did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
