using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Replies;

/// <summary>
/// <c>GET /api/emails/{id}/reply-context</c>: what the pane needs to reply to or forward a logged email from a
/// timeline (see <see cref="ReplyContextReader"/>).
/// </summary>
public static class ReplyContextApi
{
    public static RouteGroupBuilder MapReplyContext(this RouteGroupBuilder api)
    {
        api.MapGet("/emails/{id}/reply-context", GetAsync).WithTags("Emails").WithSummary("How to reply to or forward a logged email from the caller's mailbox");
        return api;
    }

    private static async Task<Results<Ok<ReplyContext>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, ReplyContextReader reader, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var emailId, out var badId))
        {
            return badId;
        }
        return await reader.GetAsync(user, emailId, ct) is { } context
            ? TypedResults.Ok(context)
            : Problems.NotFound("id", "There is no logged email with this id.");
    }
}
