using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OutlookCrm.CrmApi.Hosting.Addin;

/// <summary>
/// Serves the built task pane (src/AddinWeb's Vite output in wwwroot/addin) under /addin: same origin as the API,
/// so no CORS and one certificate. Hashed assets are cached for a year; HTML is never stored, so a new release reaches
/// Outlook at once and each page's nonce is its own. Every answer under /addin carries the pane's CSP (<see cref="PanePolicy"/>).
/// </summary>
public static class AddinHosting
{
    public const string RequestPath = "/addin";

    /// <summary>The development harness and its fake Office.js: served only where the Graph emulator is (never in Production).</summary>
    private static readonly string[] HarnessFiles = ["/harness.html", "/harness.js", "/fake-office.js"];

    public static WebApplication UseAddin(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "addin");
        Directory.CreateDirectory(folder);
        var files = new PhysicalFileProvider(folder);
        if (!app.Configuration.GetValue<bool>("Graph:Emulator"))
        {
            app.Use((context, next) =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments(RequestPath, out var rest) && HarnessFiles.Contains(rest.Value, StringComparer.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        var policy = new PanePolicy(app.Configuration);
        var pages = new PanePages(folder);
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(RequestPath, out var rest))
            {
                await next(context);
                return;
            }
            var nonce = PanePolicy.NewNonce();
            context.Response.Headers.ContentSecurityPolicy = policy.For(nonce);
            if (HttpMethods.IsGet(context.Request.Method) && PanePages.PageOf(rest) is { } page && await pages.TryWriteAsync(context, page, nonce))
            {
                return;
            }
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = RequestPath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = RequestPath,
            OnPrepareResponse = context =>
            {
                var path = context.Context.Request.Path;
                // Hashed assets never change; Outlook refuses icons it may not cache; HTML and scripts are revalidated.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    path.StartsWithSegments($"{RequestPath}/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable"
                    : path.StartsWithSegments($"{RequestPath}/icons", StringComparison.Ordinal) ? "public, max-age=86400"
                    : "no-cache";
            },
        });
        return app;
    }
}
