using System.Diagnostics;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// One line per request, without personal data: the method, the route's pattern (never the path or the query, which
/// carry addresses — <c>/api/lookup?email=…</c>), the status and the time taken. It replaces ASP.NET Core's own
/// "Request starting / finished" lines, which print the whole URL and are silenced below Warning.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public const string FrameworkRequestCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            Answered(logger, http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
