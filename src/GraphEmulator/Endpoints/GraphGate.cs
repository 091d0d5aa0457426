using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>
/// In front of every Graph call: the bearer token is required; injected faults answer 429 (with Retry-After) or 503;
/// Outlook's limit of 4 concurrent requests per mailbox is enforced and the peak is counted; the request-rate windows
/// (<see cref="ThrottlingWindows"/>) refuse what is over them when switched on.
/// </summary>
public sealed class GraphGate(EmulatorOptions options, FaultState faults, EmulatorStats stats, ThrottlingWindows windows, MailStore mailboxes, TimeProvider clock)
    : IEndpointFilter
{
    public const int MailboxConcurrency = 4;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {options.AccessToken}")
        {
            stats.CountGraphRequest();
            return GraphErrors.Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }
        // Outlook's limits are per mailbox, however a call names it (object id, UPN): counted under its SMTP address.
        var mailbox = http.Request.RouteValues.TryGetValue("user", out var user)
            ? user?.ToString() is { } key ? mailboxes.Find(key)?.Address ?? key : ""
            : "(subscriptions)";
        var now = clock.GetUtcNow();
        using var _ = stats.Enter(mailbox, now);
        if (faults.NextGraphFailure() is { } status)
        {
            stats.CountThrottled(mailbox, now, TimeSpan.FromSeconds(faults.RetryAfterSeconds));
            return status == StatusCodes.Status429TooManyRequests
                ? GraphErrors.Error(status, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", faults.RetryAfterSeconds)
                : GraphErrors.Error(status, "ServiceUnavailable", "The service is temporarily unavailable.", faults.RetryAfterSeconds);
        }
        if (windows.Check(mailbox, http.Request.RouteValues.ContainsKey("user"), http.Request.Method, now) is { } refused)
        {
            stats.CountThrottled(mailbox, now, refused.RetryAfter);
            return refused.Result;
        }
        if (stats.InFlight(mailbox) > MailboxConcurrency)
        {
            stats.CountThrottled(mailbox, now, TimeSpan.FromSeconds(1));
            return GraphErrors.Error(StatusCodes.Status429TooManyRequests, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", 1);
        }
        await windows.LatencyAsync(http.RequestAborted);
        return await next(context);
    }
}
