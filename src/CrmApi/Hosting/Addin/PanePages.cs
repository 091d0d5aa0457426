using System.Collections.Concurrent;

namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>
/// The pane's HTML pages (index.html, harness.html, events/commands.html) with a fresh nonce written in for each answer,
/// the one the answer's CSP allows. Read once per build (the file's write time), never stored by a cache: a nonce seen
/// twice would be one an attacker could learn.
/// </summary>
public sealed class PanePages(string folder)
{
    private readonly ConcurrentDictionary<string, (DateTime Written, string Text)> _cache = new(StringComparer.Ordinal);

    /// <summary>The page a request under /addin asks for (the folder itself is index.html), or null when it is no page.</summary>
    public static string? PageOf(PathString rest) =>
        rest.Value is null or "" or "/" ? "index.html"
        : rest.Value.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? rest.Value.TrimStart('/')
        : null;

    public async Task<bool> TryWriteAsync(HttpContext context, string page, string nonce)
    {
        var path = Path.GetFullPath(Path.Combine(folder, page));
        if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return false;
        }
        var written = File.GetLastWriteTimeUtc(path);
        if (!_cache.TryGetValue(path, out var cached) || cached.Written != written)
        {
            cached = (written, await File.ReadAllTextAsync(path, context.RequestAborted));
            _cache[path] = cached;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(cached.Text.Replace(PanePolicy.NoncePlaceholder, nonce, StringComparison.Ordinal), context.RequestAborted);
        return true;
    }
}
