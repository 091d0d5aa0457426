using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.Outcomes;

public static class OutcomeSql
{
    public const string UpdateOutcome = """
        UPDATE message_outcomes
        SET tracking_id = @TrackingId,
            outcome = @Outcome,
            reason = @Reason,
            email_id = @EmailId,
            decided_at = @DecidedAt
        WHERE account_id = @AccountId
          AND internet_message_id = @InternetMessageId
          AND mailbox_id = @MailboxId
        """;

    public const string CreateOutcome = """
        INSERT INTO message_outcomes (account_id, internet_message_id, mailbox_id, tracking_id, outcome, reason, email_id, decided_at)
        VALUES (@AccountId, @InternetMessageId, @MailboxId, @TrackingId, @Outcome, @Reason, @EmailId, @DecidedAt)
        """;

    public const string GetOutcomesByMessageId = """
        SELECT account_id, internet_message_id, mailbox_id, tracking_id, outcome, reason, email_id, decided_at
        FROM message_outcomes
        WHERE account_id = @AccountId
          AND internet_message_id = @InternetMessageId
        ORDER BY decided_at
        """;

    public const string GetOutcomesByTrackingId = """
        SELECT account_id, internet_message_id, mailbox_id, tracking_id, outcome, reason, email_id, decided_at
        FROM message_outcomes
        WHERE account_id = @AccountId
          AND tracking_id = @TrackingId
        ORDER BY decided_at
        """;

    public const string DeleteOutcomesOfMailbox = """
        DELETE FROM message_outcomes
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    // Outcomes older than the account keeps answering for, a batch at a time.
    public static readonly DialectSql PurgeOld = new(
        Sqlite: """
            DELETE FROM message_outcomes
            WHERE rowid IN (SELECT rowid
                            FROM message_outcomes
                            WHERE decided_at < @Before
                            LIMIT @BatchSize)
            """,
        SqlServer: """
            DELETE TOP (@BatchSize)
            FROM message_outcomes
            WHERE decided_at < @Before
            """);
}
