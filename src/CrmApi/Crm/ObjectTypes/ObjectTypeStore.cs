using System.Data;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.ObjectTypes;

public sealed class ObjectTypeStore(Db db)
{
    public async Task<ObjectType?> GetByNameAsync(Guid accountId, string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ObjectType>(
            new CommandDefinition(ObjectTypeSql.GetByName, new { AccountId = accountId, Name = name }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ObjectType>> GetManyAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var types = await connection.QueryAsync<ObjectType>(
            new CommandDefinition(ObjectTypeSql.GetMany, new { AccountId = accountId }, cancellationToken: ct));
        return types.AsList();
    }

    public async Task CreateAsync(ObjectType type, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ObjectTypeSql.Create, type, cancellationToken: ct));
    }

    /// <summary>Used inside account onboarding, so the account and its built-in types appear together.</summary>
    public static async Task CreateAsync(ObjectType type, IDbTransaction transaction, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(ObjectTypeSql.Create, type, transaction, cancellationToken: ct));
}
