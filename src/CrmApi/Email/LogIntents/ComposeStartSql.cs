using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.LogIntents;

public static class ComposeStartSql
{
    public const string Create = """
        INSERT INTO compose_starts (account_id, id, user_id, recipients_key, started_from, record_ids, compose_type, created_at)
        VALUES (@AccountId, @Id, @UserId, @RecipientsKey, @StartedFrom, @RecordIds, @ComposeType, @CreatedAt)
        """;

    // The user's newest start for these recipients, still claimable.
    public static readonly DialectSql Newest = new(
        Sqlite: """
            SELECT account_id, id, user_id, recipients_key, started_from, record_ids, compose_type, created_at
            FROM compose_starts
            WHERE account_id = @AccountId
              AND user_id = @UserId
              AND recipients_key = @RecipientsKey
              AND created_at >= @Since
            ORDER BY created_at DESC
            LIMIT 1
            """,
        SqlServer: """
            SELECT TOP (1) account_id, id, user_id, recipients_key, started_from, record_ids, compose_type, created_at
            FROM compose_starts
            WHERE account_id = @AccountId
              AND user_id = @UserId
              AND recipients_key = @RecipientsKey
              AND created_at >= @Since
            ORDER BY created_at DESC
            """);

    public const string Delete = """
        DELETE FROM compose_starts
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public static readonly DialectSql PurgeOld = new(
        Sqlite: """
            DELETE FROM compose_starts
            WHERE rowid IN (SELECT rowid
                            FROM compose_starts
                            WHERE created_at < @Before
                            LIMIT @BatchSize)
            """,
        SqlServer: """
            DELETE TOP (@BatchSize)
            FROM compose_starts
            WHERE created_at < @Before
            """);
}
