using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>Applies the dialect's forward-only scripts with DbUp, one transaction per script.</summary>
public sealed class DatabaseMigrator(Db db, ILogger<DatabaseMigrator> logger)
{
    public void Migrate()
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            EnableWriteAheadLog();
        }
        var scripts = MigrationScripts.For(db.Provider).Select(script => new SqlScript(script.Name, script.Text));
        var builder = db.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(db.ConnectionString)
            : DeployChanges.To.SqlDatabase(db.ConnectionString);
        var result = builder
            .WithScripts(scripts)
            .WithTransactionPerScript()
            .LogTo(new UpgradeLog(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed", result.Error);
        }
    }

    /// <summary>WAL lets readers run while the worker writes; the mode is stored in the file, so once is enough.</summary>
    private void EnableWriteAheadLog()
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>DbUp logs composite-format strings ({0}), not message templates: they are formatted here first.</summary>
    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Migration}", Format(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Migration}", Format(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{Migration}", Format(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Migration}", Format(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{Migration}", Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Migration}", Format(format, args));

        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}
