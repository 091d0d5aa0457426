namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// What every answer tells the browser: never guess a type (<c>nosniff</c>: a JSON answer or an uploaded file is never
/// run as script or shown as HTML), send no Referer (customer links carry their token in the path), and, outside
/// Development, HTTPS only for a year (HSTS; not for subdomains, which may not be ours to decide).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>A year: long enough that a first visit protects the next ones, the common recommendation.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = false;
            options.Preload = false;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // Only on HTTPS requests, and never for localhost (ASP.NET Core's defaults): behind a proxy that ends TLS the
        // proxy's scheme must be forwarded (docs/deploy.md).
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            // When the answer starts: the exception handler clears headers set earlier, not these.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
