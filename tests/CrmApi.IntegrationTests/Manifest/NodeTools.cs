using System.Diagnostics;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Manifest;

/// <summary>
/// The npm tools the task pane's `npm ci` installs (src/AddinWeb/node_modules/.bin), run as processes. The README's
/// test command installs them first; a test run without them says so and is skipped.
/// </summary>
public static class NodeTools
{
    public static string? BinFolder() =>
        Repository.FindRoot() is { } root && Path.Combine(root, "src", "AddinWeb", "node_modules", ".bin") is var bin && Directory.Exists(bin) ? bin : null;

    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string workingDirectory, params string[] args)
    {
        var bin = BinFolder();
        Assert.SkipWhen(bin is null, "src/AddinWeb/node_modules is missing: run `npm ci` in src/AddinWeb (./test.sh does).");
        var start = new ProcessStartInfo(Path.Combine(bin!, tool)) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
