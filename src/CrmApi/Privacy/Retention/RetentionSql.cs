using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.Retention;

public static class RetentionSql
{
    public const string AccountsWithRetention = """
        SELECT account_id AS AccountId, body_retention_days AS Days
        FROM privacy_settings
        WHERE body_retention_days IS NOT NULL
        """;

    // A batch at a time, so the purge never holds the writer long; the email keeps its subject and participants.
    public static readonly DialectSql PurgeBodies = new(
        Sqlite: """
            UPDATE emails
            SET body_html = '',
                preview = '',
                body_purged_at = @Now
            WHERE id IN (SELECT id
                         FROM emails
                         WHERE account_id = @AccountId
                           AND sent_at < @Before
                           AND body_purged_at IS NULL
                         LIMIT @BatchSize)
            """,
        SqlServer: """
            UPDATE TOP (@BatchSize) emails
            SET body_html = N'',
                preview = N'',
                body_purged_at = @Now
            WHERE account_id = @AccountId
              AND sent_at < @Before
              AND body_purged_at IS NULL
            """);
}
