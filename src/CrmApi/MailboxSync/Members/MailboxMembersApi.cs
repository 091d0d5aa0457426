using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Members;

/// <summary>
/// <c>/api/mailboxes/{id}/members</c>: who acts for a team or help-desk mailbox (an admin sets the whole list), and
/// <c>GET /api/me/mailboxes</c>: the mailboxes the caller acts for, what the pane replies and logs from.
/// </summary>
public static class MailboxMembersApi
{
    public const int MaxMembers = 500;

    public sealed record MembersRequest(List<Guid>? UserIds);

    public sealed record MemberView(Guid UserId, string Email, string DisplayName);

    public sealed record MembersResponse(Guid MailboxId, string Address, IReadOnlyList<MemberView> Members);

    /// <summary><c>own</c>: the caller's own mailbox; otherwise a team or help-desk mailbox they are a member of.</summary>
    public sealed record ActingMailbox(Guid Id, string Address, string? DisplayName, string Kind, bool Own);

    public sealed record ActingMailboxList(IReadOnlyList<ActingMailbox> Items);

    public static RouteGroupBuilder MapMailboxMembers(this RouteGroupBuilder api)
    {
        api.MapGet("/mailboxes/{id}/members", GetAsync).WithTags("Mailboxes").WithSummary("Who acts for a team or help-desk mailbox");
        api.MapPut("/mailboxes/{id}/members", ReplaceAsync).WithTags("Mailboxes").WithSummary("Set who acts for a team or help-desk mailbox (the whole list)");
        api.MapGet("/me/mailboxes", MineAsync).WithTags("Mailboxes").WithSummary("The connected mailboxes the caller acts for: their own, and the team mailboxes they are a member of");
        return api;
    }

    private static async Task<Results<Ok<MembersResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, MailboxStore mailboxes, MailboxMemberStore members, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        return await mailboxes.GetByIdAsync(user.AccountId, mailboxId, ct) is { } mailbox
            ? TypedResults.Ok(await DescribeAsync(mailbox, members, ct))
            : Problems.NotFound("id", "There is no connected mailbox with this id.");
    }

    private static async Task<Results<Ok<MembersResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string id, MembersRequest request, MailboxStore mailboxes, MailboxMemberStore members, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        var userIds = (request.UserIds ?? []).Distinct().ToList();
        if (request.UserIds is null || userIds.Count > MaxMembers)
        {
            return Problems.Invalid("userIds", $"Give the list of members: 0 to {MaxMembers} user ids.");
        }
        if (await mailboxes.GetByIdAsync(user.AccountId, mailboxId, ct) is not { } mailbox)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        if (mailbox.Kind == MailboxKinds.Personal)
        {
            return Problems.Invalid("id", "A personal mailbox has no members: only its owner acts for it.");
        }
        var known = await members.UsersAmongAsync(user.AccountId, userIds, ct);
        var stranger = request.UserIds.FindIndex(userId => !known.Contains(userId));
        if (stranger >= 0)
        {
            return Problems.NotFound($"userIds[{stranger}]", "There is no user with this id in your account.");
        }
        await members.ReplaceAsync(user.AccountId, mailbox.Id, userIds, clock.GetUtcNow(), ct);
        return TypedResults.Ok(await DescribeAsync(mailbox, members, ct));
    }

    private static async Task<Ok<ActingMailboxList>> MineAsync(ActingMailboxes acting, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new ActingMailboxList((await acting.OfAsync(user, ct))
            .Select(mailbox => new ActingMailbox(mailbox.Id, mailbox.Address, mailbox.DisplayName, mailbox.Kind, ActingMailboxes.IsOwn(user, mailbox))).ToList()));

    private static async Task<MembersResponse> DescribeAsync(ConnectedMailbox mailbox, MailboxMemberStore members, CancellationToken ct) =>
        new(mailbox.Id, mailbox.Address, (await members.GetMembersAsync(mailbox.AccountId, mailbox.Id, ct)).Select(member => new MemberView(member.UserId, member.Email, member.DisplayName)).ToList());
}
