using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Teams;

public sealed record TeamMemberRow
{
    public required Guid TeamId { get; init; }
    public required string TeamName { get; init; }
    public Guid? UserId { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>Teams of an account and their members: who sees content shared with a team.</summary>
public sealed class TeamStore(Db db)
{
    private const string CreateTeam = """
        INSERT INTO teams (id, account_id, name, created_at)
        VALUES (@Id, @AccountId, @Name, @CreatedAt)
        """;

    private const string AddMember = """
        INSERT INTO team_members (team_id, user_id, account_id)
        VALUES (@TeamId, @UserId, @AccountId)
        """;

    private const string TeamByName = """
        SELECT COUNT(*)
        FROM teams
        WHERE account_id = @AccountId
          AND name = @Name
        """;

    private const string UsersAmong = """
        SELECT id
        FROM users
        WHERE account_id = @AccountId
          AND id IN @UserIds
        """;

    private const string TeamsWithMembers = """
        SELECT t.id AS team_id, t.name AS team_name, u.id AS user_id, u.display_name
        FROM teams t
        LEFT JOIN team_members m ON m.account_id = t.account_id AND m.team_id = t.id
        LEFT JOIN users u ON u.id = m.user_id
        WHERE t.account_id = @AccountId
        ORDER BY t.name, t.id, u.display_name
        """;

    public async Task<bool> NameTakenAsync(Guid accountId, string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(TeamByName, new { AccountId = accountId, Name = name }, cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlySet<Guid>> UsersAmongAsync(Guid accountId, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(UsersAmong, new { AccountId = accountId, UserIds = userIds }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>The team and its members appear together or not at all.</summary>
    public async Task CreateAsync(Guid accountId, Guid id, string name, IReadOnlyCollection<Guid> members, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(CreateTeam, new { Id = id, AccountId = accountId, Name = name, CreatedAt = now }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(AddMember, members.Select(userId => new { TeamId = id, UserId = userId, AccountId = accountId }), transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<TeamMemberRow>> GetAllAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<TeamMemberRow>(new CommandDefinition(TeamsWithMembers, new { AccountId = accountId }, cancellationToken: ct))).AsList();
    }
}
