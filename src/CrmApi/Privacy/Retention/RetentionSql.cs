namespace OutlookCrm.CrmApi.Privacy.Retention;

public static class RetentionSql
{
    public const string AccountsWithRetention = """
        SELECT account_id AS AccountId, body_retention_days AS Days
        FROM privacy_settings
        WHERE body_retention_days IS NOT NULL
        """;
}
