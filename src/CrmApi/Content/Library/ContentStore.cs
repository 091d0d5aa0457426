using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>The content library's rows. Reads see only what the caller may see; writes only touch the caller's own.</summary>
public sealed class ContentStore(Db db)
{
    public async Task<ContentRow?> GetVisibleAsync(Guid accountId, Guid userId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContentRow>(new CommandDefinition(ContentSql.GetVisible, new { AccountId = accountId, UserId = userId, Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ContentRow>> SearchAsync(Guid accountId, Guid userId, string? kind, string? contains, (string Name, Guid Id)? after, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ContentRow>(new CommandDefinition(ContentSql.Search.For(db.Provider), new
        {
            AccountId = accountId,
            UserId = userId,
            Kind = kind,
            Contains = contains,
            AfterName = after?.Name,
            AfterId = after?.Id,
            Limit = limit,
        }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task CreateAsync(ContentRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ContentSql.Create, row, cancellationToken: ct));
    }

    /// <summary>False when the item is not the caller's (the statement itself checks the owner).</summary>
    public async Task<bool> UpdateAsync(ContentRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ContentSql.Update, row, cancellationToken: ct)) == 1;
    }

    /// <summary>False when the item is gone or has no public link; who may rotate it is the caller's decision (PublicLinks).</summary>
    public async Task<bool> RotatePublicTokenAsync(ContentRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ContentSql.RotatePublicToken, row, cancellationToken: ct)) == 1;
    }

    /// <summary>The item and its file go together, and only the owner's.</summary>
    public async Task<bool> DeleteAsync(Guid accountId, Guid userId, Guid id, CancellationToken ct)
    {
        var owner = new { AccountId = accountId, UserId = userId, Id = id };
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ContentSql.DeleteFile, owner, transaction, cancellationToken: ct));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(ContentSql.Delete, owner, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return deleted == 1;
    }

    public async Task<string?> MeetingLinkOfAsync(Guid accountId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(ContentSql.MeetingLinkOf.For(db.Provider), new { AccountId = accountId, UserId = userId }, cancellationToken: ct));
    }

    public async Task<bool> IsTeamMemberAsync(Guid accountId, Guid teamId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(ContentSql.TeamMembership, new { AccountId = accountId, TeamId = teamId, UserId = userId }, cancellationToken: ct)) > 0;
    }

    public async Task<ContentRow?> GetByPublicTokenAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContentRow>(new CommandDefinition(ContentSql.GetByPublicToken, new { PublicToken = token }, cancellationToken: ct));
    }
}
