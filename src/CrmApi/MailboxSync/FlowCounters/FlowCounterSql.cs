using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.FlowCounters;

public static class FlowCounterSql
{
    private const string Counts = """
        notifications, emails_logged, processed, lag_1s, lag_5s, lag_15s, lag_1m, lag_5m, lag_15m, lag_1h, lag_4h, lag_more, sent_without_check
        """;

    private const string Values = """
        @Notifications, @EmailsLogged, @Processed, @Lag1s, @Lag5s, @Lag15s, @Lag1m, @Lag5m, @Lag15m, @Lag1h, @Lag4h, @LagMore, @SentWithoutCheck
        """;

    // An event adds to its hour's row, made by the first event of the hour. SQL Server locks the key's range for the
    // update (UPDLOCK, HOLDLOCK), so two first events of an hour do not both insert; SQLite has one writer at a time.
    public static readonly DialectSql Add = new(
        Sqlite: $"""
            INSERT INTO mail_flow_hours (account_id, mailbox_id, utc_hour, {Counts})
            VALUES (@AccountId, @MailboxId, @UtcHour, {Values})
            ON CONFLICT (account_id, mailbox_id, utc_hour) DO UPDATE
            SET notifications = notifications + excluded.notifications,
                emails_logged = emails_logged + excluded.emails_logged,
                processed = processed + excluded.processed,
                lag_1s = lag_1s + excluded.lag_1s,
                lag_5s = lag_5s + excluded.lag_5s,
                lag_15s = lag_15s + excluded.lag_15s,
                lag_1m = lag_1m + excluded.lag_1m,
                lag_5m = lag_5m + excluded.lag_5m,
                lag_15m = lag_15m + excluded.lag_15m,
                lag_1h = lag_1h + excluded.lag_1h,
                lag_4h = lag_4h + excluded.lag_4h,
                lag_more = lag_more + excluded.lag_more,
                sent_without_check = sent_without_check + excluded.sent_without_check
            """,
        SqlServer: $"""
            UPDATE mail_flow_hours WITH (UPDLOCK, HOLDLOCK)
            SET notifications = notifications + @Notifications,
                emails_logged = emails_logged + @EmailsLogged,
                processed = processed + @Processed,
                lag_1s = lag_1s + @Lag1s,
                lag_5s = lag_5s + @Lag5s,
                lag_15s = lag_15s + @Lag15s,
                lag_1m = lag_1m + @Lag1m,
                lag_5m = lag_5m + @Lag5m,
                lag_15m = lag_15m + @Lag15m,
                lag_1h = lag_1h + @Lag1h,
                lag_4h = lag_4h + @Lag4h,
                lag_more = lag_more + @LagMore,
                sent_without_check = sent_without_check + @SentWithoutCheck
            WHERE account_id = @AccountId
              AND mailbox_id = @MailboxId
              AND utc_hour = @UtcHour;
            IF @@ROWCOUNT = 0
                INSERT INTO mail_flow_hours (account_id, mailbox_id, utc_hour, {Counts})
                VALUES (@AccountId, @MailboxId, @UtcHour, {Values});
            """);

    // The account's hours from @FromHour on: at most mailboxes × hours rows, read along the primary key.
    public const string GetOfAccountSince = $"""
        SELECT account_id, mailbox_id, utc_hour, {Counts}
        FROM mail_flow_hours
        WHERE account_id = @AccountId
          AND utc_hour >= @FromHour
        """;

    // One mailbox's sends without a check from @FromHour on: at most a month of hours, read along the primary key.
    public const string SumSentWithoutCheckSince = """
        SELECT COALESCE(SUM(sent_without_check), 0)
        FROM mail_flow_hours
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND utc_hour >= @FromHour
        """;

    public const string DeleteOfMailbox = """
        DELETE FROM mail_flow_hours
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
        """;

    // Hours older than the overview shows and a margin, a batch at a time.
    public static readonly DialectSql PurgeBefore = new(
        Sqlite: """
            DELETE FROM mail_flow_hours
            WHERE rowid IN (SELECT rowid
                            FROM mail_flow_hours
                            WHERE utc_hour < @BeforeHour
                            LIMIT @BatchSize)
            """,
        SqlServer: """
            DELETE TOP (@BatchSize)
            FROM mail_flow_hours
            WHERE utc_hour < @BeforeHour
            """);
}
