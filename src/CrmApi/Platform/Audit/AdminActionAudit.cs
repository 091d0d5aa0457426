namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary>Marks a route that writes its own, more telling audit line (a setting's before and after, a purge's count).</summary>
public sealed class AuditsItself
{
    public static readonly AuditsItself Instance = new();
}

/// <summary>A response that says how many rows an action touched: the audit line keeps the number.</summary>
public interface ICountedResult
{
    int Count { get; }
}

/// <summary>
/// Every admin route that succeeds leaves a line in the account audit: the route, its ids, and the count it reports
/// (rows replayed, retried). Routes marked <see cref="AuditsItself"/> write their own. The request body is not
/// copied: it may hold personal data the audit must not keep.
/// </summary>
public static class AdminActionAudit
{
    public static void AddTo(EndpointBuilder endpoint)
    {
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
        endpoint.FilterFactories.Add((_, next) => async context =>
        {
            var result = await next(context);
            // The marker is read per request: a route's own metadata may be added after the group's conventions ran.
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }
                && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AuditsItself>() is null
                && context.HttpContext.RequestServices.GetService<Auth.CurrentUser>() is { IsSet: true } user)
            {
                var audit = context.HttpContext.RequestServices.GetRequiredService<AccountAudit>();
                var http = context.HttpContext;
                var ids = string.Join(" ", http.Request.RouteValues.Select(value => $"{value.Key}={value.Value}"));
                var count = ((result as IValueHttpResult)?.Value as ICountedResult)?.Count;
                await audit.RecordAsync(user, AuditActions.AdminAction, $"{http.Request.Method} {pattern} {ids}".TrimEnd(), count: count, ct: CancellationToken.None);
            }
            return result;
        });
    }
}

public static class AccountAuditExtensions
{
    /// <summary>After the caller is known: a handler's 403 is recorded as a refusal.</summary>
    public static WebApplication UseAccountAudit(this WebApplication app)
    {
        app.UseMiddleware<RefusalAuditMiddleware>();
        return app;
    }
}
