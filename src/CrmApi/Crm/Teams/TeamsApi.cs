using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Teams;

/// <summary><c>/api/teams</c>: the teams content can be shared with.</summary>
public static class TeamsApi
{
    public const int MaxMembers = 500;

    public sealed record NewTeam(string? Name, List<Guid>? MemberIds);

    public sealed record TeamMember(Guid Id, string Name);

    public sealed record TeamResponse(Guid Id, string Name, IReadOnlyList<TeamMember> Members);

    public sealed record TeamList(IReadOnlyList<TeamResponse> Items);

    public static RouteGroupBuilder MapTeams(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/teams").WithTags("Teams");
        group.MapPost("/", CreateAsync).WithSummary("A team of users of the account; its creator is a member");
        group.MapGet("/", ListAsync).WithSummary("The account's teams with their members");
        return api;
    }

    private static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewTeam request, TeamStore teams, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "Give a name of 1 to 200 characters.");
        }
        var members = (request.MemberIds ?? []).Append(user.UserId).Distinct().ToList();
        if (members.Count > MaxMembers)
        {
            errors.Add("memberIds", $"At most {MaxMembers} members.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await teams.NameTakenAsync(user.AccountId, name, ct))
        {
            return Problems.Conflict("name", "There is a team with this name already.");
        }
        var known = await teams.UsersAmongAsync(user.AccountId, members, ct);
        var stranger = request.MemberIds?.FindIndex(id => !known.Contains(id)) ?? -1;
        if (stranger >= 0)
        {
            return Problems.NotFound($"memberIds[{stranger}]", "There is no user with this id in your account.");
        }
        var id = clock.NewId();
        await teams.CreateAsync(user.AccountId, id, name, members, clock.GetUtcNow(), ct);
        var created = (await teams.GetAllAsync(user.AccountId, ct)).Where(row => row.TeamId == id).ToList();
        return TypedResults.Created($"/api/teams/{id}", ToResponse(created));
    }

    private static async Task<Ok<TeamList>> ListAsync(TeamStore teams, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new TeamList((await teams.GetAllAsync(user.AccountId, ct)).GroupBy(row => row.TeamId).Select(group => ToResponse([.. group])).ToList()));

    private static TeamResponse ToResponse(List<TeamMemberRow> rows) =>
        new(rows[0].TeamId, rows[0].TeamName, rows.Where(row => row.UserId is not null).Select(row => new TeamMember(row.UserId!.Value, row.DisplayName ?? "")).ToList());
}
