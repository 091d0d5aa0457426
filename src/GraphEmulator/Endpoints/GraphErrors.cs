namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>Graph's error body: <c>{"error": {"code", "message", "innerError": {...}}}</c>.</summary>
public static class GraphErrors
{
    public static IResult Error(int status, string code, string message, int? retryAfterSeconds = null) =>
        new GraphErrorResult(status, code, message, retryAfterSeconds);

    private sealed class GraphErrorResult(int status, string code, string message, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return httpContext.Response.WriteAsJsonAsync(new
            {
                error = new
                {
                    code,
                    message,
                    innerError = new { date = DateTime.UtcNow.ToString("s", System.Globalization.CultureInfo.InvariantCulture), requestId = Guid.NewGuid() },
                },
            });
        }
    }
}
