using System.Data;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Accounts;

public sealed class AccountStore(Db db)
{
    public async Task<Account?> GetByTenantIdAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Account>(
            new CommandDefinition(AccountSql.GetByTenantId, new { TenantId = tenantId }, cancellationToken: ct));
    }

    public async Task CreateAsync(Account account, IDbTransaction transaction, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(AccountSql.Create, account, transaction, cancellationToken: ct));

    /// <summary>In the caller's transaction, so the change and its audit line land together.</summary>
    public static async Task SetAllowGuestsAsync(IDbTransaction transaction, Guid accountId, bool allowGuests, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AccountSql.SetAllowGuests, new { AccountId = accountId, AllowGuests = allowGuests }, transaction, cancellationToken: ct));

    public async Task<User?> GetUserByObjectIdAsync(Guid accountId, string objectId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<User>(
            new CommandDefinition(AccountSql.GetUserByObjectId, new { AccountId = accountId, ObjectId = objectId }, cancellationToken: ct));
    }

    public async Task<User?> GetUserByIdAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<User>(
            new CommandDefinition(AccountSql.GetUserById, new { AccountId = accountId, Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<User>> GetUsersByIdsAsync(Guid accountId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.ManyAsync<User>(AccountSql.GetUsersByIds, new { AccountId = accountId, Ids = ids }, ct);

    public async Task CreateUserAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountSql.CreateUser, user, cancellationToken: ct));
    }

    public async Task UpdateUserProfileAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountSql.UpdateUserProfile, user, cancellationToken: ct));
    }

    /// <summary>True when the row was written (a first sighting, an old one, or new roles).</summary>
    public async Task<bool> TouchLastSeenAsync(Guid accountId, Guid userId, DateTimeOffset now, string roles, DateTimeOffset cutoff, CancellationToken ct) =>
        await db.ExecuteAsync(AccountSql.TouchLastSeen, new { AccountId = accountId, Id = userId, Now = now, Roles = roles, Cutoff = cutoff }, ct) == 1;

    /// <summary>A page of the account's users by name, after the given (name, id).</summary>
    public Task<IReadOnlyList<Person>> GetPeoplePageAsync(Guid accountId, string? afterName, Guid afterId, int limit, CancellationToken ct) =>
        db.ManyAsync<Person>(AccountSql.PeoplePage.For(db.Provider), new { AccountId = accountId, AfterName = afterName, AfterId = afterId, Limit = limit }, ct);
}
