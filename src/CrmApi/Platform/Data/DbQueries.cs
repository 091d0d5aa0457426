using Dapper;

namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>A store's one-statement calls, each on a pooled connection of its own (a write one for writes).</summary>
public static class DbQueries
{
    public static async Task<T?> SingleAsync<T>(this Db db, string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    public static async Task<IReadOnlyList<T>> ManyAsync<T>(this Db db, string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
    }

    public static async Task<int> ExecuteAsync(this Db db, string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }
}
