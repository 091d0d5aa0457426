using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.MailboxSync.People;

/// <summary>
/// <c>GET /api/admin/people</c>: who uses OutlookCrm (the admin console's People page; Crm.Admin). Teams and their
/// members are <c>GET /api/teams</c>. Here, next to the mailboxes, because a person's row shows the mailboxes they own
/// or connected, and MailboxSync stands on Platform's users, not the other way round.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/people", PageAsync).WithTags("Admin").WithSummary("Users who signed in: roles from their last token, when last seen, their mailboxes");
        return api;
    }

    private static async Task<Results<Ok<PeoplePage>, ValidationProblem, ProblemHttpResult>> PageAsync(
        string? cursor, int? limit, PeopleDirectory people, CurrentUser user, CancellationToken ct) =>
        (await people.PageAsync(user, cursor, limit, ct)).ToOk();
}
