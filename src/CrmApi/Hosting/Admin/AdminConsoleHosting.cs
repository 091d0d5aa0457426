using OutlookCrm.CrmApi.Hosting.Addin;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Hosting.Admin;

/// <summary>
/// Serves the admin console at <c>/admin</c> and every path under it (the console reads its page from the path): the
/// Vite build's admin.html with a fresh nonce and the console's own policy (<see cref="AdminConsolePolicy"/>). Its
/// scripts and styles are the pane build's hashed assets under /addin/assets. The page holds no data: everything it
/// shows comes from /api with the signed-in user's token, where each route has its role decision.
/// </summary>
public static class AdminConsoleHosting
{
    public const string RequestPath = "/admin";

    /// <summary>The built page, beside the pane's index.html.</summary>
    public const string PageFile = "admin.html";

    public static WebApplication UseAdminConsole(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "addin");
        var policy = new AdminConsolePolicy(app.Configuration);
        var pages = new PanePages(folder);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWithSegments(RequestPath, out var rest) || rest.Value == AdminSignIn.ConfigPath)
            {
                await next(context);
                return;
            }
            var nonce = PanePolicy.NewNonce();
            context.Response.Headers.ContentSecurityPolicy = policy.For(nonce);
            // Browsers without frame-ancestors still honour this: the console is never framed.
            context.Response.Headers.XFrameOptions = "DENY";
            if (!await pages.TryWriteAsync(context, PageFile, nonce))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        return app;
    }
}
