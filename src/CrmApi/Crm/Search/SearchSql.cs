using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Search;

public static class SearchSql
{
    private const string Where = """
        WHERE r.account_id = @AccountId
          AND (r.name LIKE @Contains ESCAPE '\'
               OR r.domain LIKE @StartsWith ESCAPE '\'
               OR EXISTS (SELECT 1
                          FROM contact_emails ce
                          WHERE ce.account_id = r.account_id
                            AND ce.record_id = r.id
                            AND ce.address_normalized LIKE @StartsWith ESCAPE '\'))
        ORDER BY r.name, r.id
        """;

    /// <summary>Records of every type whose name holds the text, or whose address or domain starts with it.</summary>
    public static readonly DialectSql Everything = new(
        Sqlite: $"""
            SELECT r.id, t.name AS type, r.name
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {Where}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) r.id, t.name AS type, r.name
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {Where}
            """);
}
