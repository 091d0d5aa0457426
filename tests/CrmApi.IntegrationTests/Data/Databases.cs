using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// The databases a store test runs on: SQLite always (a real file), SQL Server when OUTLOOKCRM_TEST_SQLSERVER holds
/// a connection string; otherwise its rows are reported as skipped with that reason, never as passed.
/// </summary>
public static class Databases
{
    public const string SqlServerVariable = "OUTLOOKCRM_TEST_SQLSERVER";

    private static readonly Lazy<Db> SqliteDb = new(() => Migrated(new Db(
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=stores.db" },
        Directory.CreateTempSubdirectory("outlookcrm-stores-").FullName)));

    private static readonly Lazy<Db> SqlServerDb = new(() => Migrated(new Db(
        new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = Environment.GetEnvironmentVariable(SqlServerVariable)! },
        Path.GetTempPath())));

    public static TheoryData<DatabaseProvider> All => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer];

    /// <summary>The migrated database of that engine, or a skip when it is not configured here.</summary>
    public static Db Get(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return SqliteDb.Value;
        }
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)),
            $"No SQL Server here: set {SqlServerVariable} to a connection string to run the SQL Server leg.");
        return SqlServerDb.Value;
    }

    /// <summary>
    /// A second API instance on the same database: its own connections and, on SQLite, its own writer queue, so the two
    /// meet only in the database's locks, as two processes do.
    /// </summary>
    public static Db AnotherInstance(Db db) =>
        new(new DatabaseOptions { Provider = db.Provider, ConnectionString = db.ConnectionString }, Path.GetTempPath());

    private static Db Migrated(Db db)
    {
        TypeHandlers.Register();
        new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
        SqliteConnection.ClearAllPools();
        return db;
    }
}
