using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// What a connection that Graph stopped answers, in words an admin can act on. Nothing of the connection was kept
/// (<see cref="ConnectMailbox"/>), so each answer can say "try again".
/// </summary>
public static class ConnectFailures
{
    public static ProblemHttpResult? Describe(Exception error, HttpContext http)
    {
        switch (error)
        {
            case GraphThrottledException throttled:
                // Graph's 429 or 503 is ours to pass on as a 503 with its Retry-After: the caller did nothing wrong.
                var seconds = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Microsoft Graph asked us to slow down",
                    detail: $"Microsoft Graph is throttling OutlookCrm in this tenant; nothing of the connection was kept. Try again in {seconds} s.");
            case ApiException { ResponseStatusCode: StatusCodes.Status403Forbidden } denied:
                // The mailbox could be read but a subscription on it was refused: RBAC for Applications may not cover
                // subscriptions, or a new scope has not reached every server yet (docs/first-tenant.md).
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Microsoft 365 refused a subscription on this mailbox",
                    detail: $"Graph answered 403 ({GraphError(denied)}); nothing of the connection was kept. {MailboxLocator.AccessFix}");
            case ApiException refused:
                return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Microsoft Graph refused the connection",
                    detail: $"Graph answered {refused.ResponseStatusCode} ({GraphError(refused)}); nothing of the connection was kept.");
            default:
                return null;
        }
    }

    private static string GraphError(ApiException error) =>
        error is ODataError { Error: { } odata } ? $"{odata.Code}: {odata.Message}" : "no detail";
}
