using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.CrmApi.Platform.Data;

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
        _sqliteWriter = Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? PrepareSqlite(options.ConnectionString, contentRoot)
            : options.ConnectionString;
    }

    public DatabaseProvider Provider { get; }

    // SQLite takes one writer at a time. Writers of this process queue here, in order, without holding a thread,
    // instead of retrying in SQLite's busy handler (which sleeps on a thread-pool thread and wakes up late: under load
    // it cost more than the writes). The busy timeout stays for other processes (a second instance, a tool).
    // SQL Server locks rows and needs no queue.
    private readonly SemaphoreSlim? _sqliteWriter;

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
                // secure_delete: what is deleted or overwritten is zeroed in the file, not left in free space, so an
                // erased contact or a purged body cannot be read back from the file's bytes.
                pragma.CommandText = $"PRAGMA busy_timeout = {SqliteBusyTimeoutMs}; PRAGMA secure_delete = ON;";
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

    /// <summary>
    /// A connection for writing: under SQLite it is this process's only writer until it is disposed, so open it just
    /// before the writes, dispose it right after them, and never open a second one while holding it.
    /// </summary>
    public async Task<DbConnection> OpenForWriteAsync(CancellationToken ct)
    {
        if (_sqliteWriter is not { } writer)
        {
            return await OpenAsync(ct);
        }
        await writer.WaitAsync(ct);
        try
        {
            var connection = await OpenAsync(ct);
            var released = 0;
            // Disposed is raised by every Dispose call; the turn is given back once.
            connection.Disposed += (_, _) =>
            {
                if (Interlocked.Exchange(ref released, 1) == 0)
                {
                    writer.Release();
                }
            };
            return connection;
        }
        catch
        {
            writer.Release();
            throw;
        }
    }

    /// <summary>
    /// A write connection that waits at most <paramref name="lockWait"/> for SQLite's lock held by another process,
    /// then fails (<c>SQLITE_BUSY</c>) instead of the usual seconds: for callers that must answer quickly either way.
    /// </summary>
    public async Task<DbConnection> OpenForWriteAsync(TimeSpan lockWait, CancellationToken ct)
    {
        var connection = await OpenForWriteAsync(ct);
        if (connection is not SqliteConnection sqlite)
        {
            return connection;
        }
        try
        {
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout (whole seconds), SQLite itself
            // until busy_timeout: both are bounded. The next open of this pooled connection sets busy_timeout back.
            sqlite.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockWait.TotalSeconds));
            await using var pragma = sqlite.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)lockWait.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(ct);
            return sqlite;
        }
        catch
        {
            await sqlite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on a write connection: all of it lands, or none of it.</summary>
    public async Task InTransactionAsync(Func<DbTransaction, Task> work, CancellationToken ct)
    {
        await using var connection = await OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await work(transaction);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The same for work that may decide to write nothing: committed when it answers true, rolled back otherwise.</summary>
    public async Task<bool> InTransactionAsync(Func<DbTransaction, Task<bool>> work, CancellationToken ct)
    {
        await using var connection = await OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await work(transaction))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Runs read-only work in one transaction on a read connection, so its reads see one state of the database (a
    /// preview counts what an action would take as the action would see it), then rolls it back. Under SQLite the
    /// transaction is deferred: it takes no write lock and does not queue behind the writer.
    /// </summary>
    public async Task<T> InReadTransactionAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : await connection.BeginTransactionAsync(ct);
        var result = await work(transaction);
        await transaction.RollbackAsync(ct);
        return result;
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
