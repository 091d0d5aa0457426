namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>
/// A statement whose text differs between SQLite and SQL Server (paging, upserts). Declared side by side so a reviewer
/// sees both; most statements are portable and stay plain strings.
/// </summary>
public sealed record DialectSql(string Sqlite, string SqlServer)
{
    public string For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider"),
    };
}
