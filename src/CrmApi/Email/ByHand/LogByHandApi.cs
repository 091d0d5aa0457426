using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Email.ByHand;

/// <summary><c>POST /api/emails/log</c>: "Log this email" from the read pane.</summary>
public static class LogByHandApi
{
    public static RouteGroupBuilder MapLogByHand(this RouteGroupBuilder api)
    {
        api.MapPost("/emails/log", LogAsync).WithTags("Logging").WithSummary("Log an email of the caller's mailbox to the records they pick");
        return api;
    }

    private static async Task<Results<Ok<LogByHand.Result>, ValidationProblem, ProblemHttpResult>> LogAsync(
        LogByHandRequest request, LogByHand logByHand, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        try
        {
            return (await logByHand.LogAsync(user, request, ct)).ToOk();
        }
        catch (GraphThrottledException throttled)
        {
            // Graph asked to wait: the rep can try again then; nothing was written.
            http.Response.Headers.RetryAfter = Math.Ceiling(throttled.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Microsoft 365 is busy", detail: "Try logging the email again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
