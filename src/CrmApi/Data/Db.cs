using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.CrmApi.Data;

/// <summary>
/// Opens connections to the configured database. Stores open one connection per call; there is no shared connection.
/// </summary>
public sealed class Db
{
    // SQLite waits this long for a writer's lock instead of failing at once with SQLITE_BUSY.
    private const int SqliteBusyTimeoutMs = 5_000;

    public Db(DatabaseOptions options, string contentRoot)
    {
        Provider = options.Provider;
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? PrepareSqlite(options.ConnectionString, contentRoot)
            : options.ConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {SqliteBusyTimeoutMs};";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Foreign keys on, a relative file resolved against the content root, and its folder created.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:";
        if (isFile)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
