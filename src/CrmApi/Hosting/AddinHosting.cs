using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OutlookCrm.CrmApi.Hosting;

/// <summary>
/// Serves the built task pane (src/AddinWeb's Vite output in wwwroot/addin) under /addin: same origin as the API,
/// so no CORS and one certificate. Hashed assets are cached for a year; HTML is always revalidated so a new release
/// reaches Outlook at once.
/// </summary>
public static class AddinHosting
{
    public const string RequestPath = "/addin";

    public static WebApplication UseAddin(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "addin");
        Directory.CreateDirectory(folder);
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = RequestPath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = RequestPath,
            OnPrepareResponse = context =>
            {
                var immutable = context.Context.Request.Path.StartsWithSegments($"{RequestPath}/assets", StringComparison.Ordinal);
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return app;
    }
}
