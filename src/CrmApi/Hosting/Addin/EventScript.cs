namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>
/// <c>/addin/events/launchevent.js</c>: the event handlers' script (built by src/AddinWeb as launchevent.template.js)
/// with this server's absolute base URL written in — classic Outlook on Windows runs it without a page, so relative
/// URLs have nothing to resolve against.
/// </summary>
public sealed class EventScript(IWebHostEnvironment environment)
{
    public const string Placeholder = "__OUTLOOKCRM_BASE_URL__";

    private readonly Lock _gate = new();
    private (DateTime Written, string BaseUrl, string Text)? _cached;

    public string? For(string baseUrl)
    {
        var path = Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "addin", "events", "launchevent.template.js");
        if (!File.Exists(path))
        {
            return null;
        }
        var written = File.GetLastWriteTimeUtc(path);
        lock (_gate)
        {
            if (_cached is { } cached && cached.Written == written && cached.BaseUrl == baseUrl)
            {
                return cached.Text;
            }
            // The base URL was checked to be a plain origin (AddinManifest.Check): nothing in it can leave the string literal.
            var text = File.ReadAllText(path).Replace(Placeholder, baseUrl, StringComparison.Ordinal);
            _cached = (written, baseUrl, text);
            return text;
        }
    }
}
