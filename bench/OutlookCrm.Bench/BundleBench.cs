using System.IO.Compression;
using System.Text.RegularExpressions;

namespace OutlookCrm.Bench;

/// <summary>The task pane's first screen: the scripts and styles index.html loads before anything else, gzipped.</summary>
public static partial class BundleBench
{
    public static Figure Run(string repository)
    {
        var addin = Path.Combine(repository, "src", "CrmApi", "wwwroot", "addin");
        var index = File.ReadAllText(Path.Combine(addin, "index.html"));
        var files = AssetReference().Matches(index).Select(match => match.Groups["path"].Value).Distinct().ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException("index.html names no built scripts: build the solution first.");
        }
        long total = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(addin, file));
            using var gzipped = new MemoryStream();
            using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(bytes);
            }
            total += gzipped.Length;
        }
        return new Figure($"task pane first screen ({files.Count} files), gzipped", total / 1024.0, "KB", Better.Lower, 250, null);
    }

    // <script src="/addin/assets/x.js">, <link rel="modulepreload|stylesheet" href="/addin/assets/y">
    [GeneratedRegex("(?:src|href)=\"/addin/(?<path>assets/[^\"]+\\.(?:js|css))\"")]
    private static partial Regex AssetReference();
}
