namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>The database engines the stores speak to; SQL differs between them only through <see cref="DialectSql"/>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a relative <c>Data Source</c> is resolved against the content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/outlookcrm.db";

    /// <summary>On in Development and tests; production runs <c>CrmApi migrate</c> once instead of every instance at boot.</summary>
    public bool MigrateOnStartup { get; set; }
}
