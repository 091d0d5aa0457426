using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.LogIntents;

public static class LogIntentSql
{
    private const string Columns = """
        account_id, tracking_id, user_id, do_log, record_ids, compose_type, created_at, updated_at, expires_at, email_id, inserted, confirmed_closed_tickets, origin, started_from
        """;

    public const string Get = $"""
        SELECT {Columns}
        FROM log_intents
        WHERE account_id = @AccountId
          AND tracking_id = @TrackingId
        """;

    public const string Update = """
        UPDATE log_intents
        SET do_log = @DoLog,
            record_ids = @RecordIds,
            compose_type = @ComposeType,
            inserted = @Inserted,
            confirmed_closed_tickets = @ConfirmedClosedTickets,
            origin = @Origin,
            started_from = @StartedFrom,
            updated_at = @UpdatedAt,
            expires_at = @ExpiresAt
        WHERE account_id = @AccountId
          AND tracking_id = @TrackingId
        """;

    public const string Create = $"""
        INSERT INTO log_intents ({Columns})
        VALUES (@AccountId, @TrackingId, @UserId, @DoLog, @RecordIds, @ComposeType, @CreatedAt, @UpdatedAt, @ExpiresAt, NULL, @Inserted, @ConfirmedClosedTickets, @Origin, @StartedFrom)
        """;

    public const string SetEmail = """
        UPDATE log_intents
        SET email_id = @EmailId
        WHERE account_id = @AccountId
          AND tracking_id = @TrackingId
        """;

    // Intents whose wait for their message ended long enough ago, a batch at a time.
    public static readonly DialectSql PurgeExpired = new(
        Sqlite: """
            DELETE FROM log_intents
            WHERE rowid IN (SELECT rowid
                            FROM log_intents
                            WHERE expires_at < @Before
                            LIMIT @BatchSize)
            """,
        SqlServer: """
            DELETE TOP (@BatchSize)
            FROM log_intents
            WHERE expires_at < @Before
            """);
}
