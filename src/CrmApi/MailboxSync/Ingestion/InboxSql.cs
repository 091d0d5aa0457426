using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

public static class InboxSql
{
    private const string Columns = """
        id, account_id, mailbox_id, folder, message_id, change_type, received_at, status, attempts, not_before,
        lease_until, finished_at, finished_reason, last_error, trace_parent
        """;

    // Graph delivers at least once and catch-ups find the same messages again: a second row is never written.
    public static readonly DialectSql Enqueue = new(
        Sqlite: $"""
            INSERT INTO notification_inbox ({Columns})
            VALUES (@Id, @AccountId, @MailboxId, @Folder, @MessageId, @ChangeType, @ReceivedAt, @Status, @Attempts, @NotBefore,
                    NULL, NULL, NULL, NULL, @TraceParent)
            ON CONFLICT (mailbox_id, message_id, change_type) DO NOTHING
            """,
        SqlServer: $"""
            INSERT INTO notification_inbox ({Columns})
            SELECT @Id, @AccountId, @MailboxId, @Folder, @MessageId, @ChangeType, @ReceivedAt, @Status, @Attempts, @NotBefore,
                   NULL, NULL, NULL, NULL, @TraceParent
            WHERE NOT EXISTS (SELECT 1
                              FROM notification_inbox WITH (UPDLOCK, HOLDLOCK)
                              WHERE mailbox_id = @MailboxId
                                AND message_id = @MessageId
                                AND change_type = @ChangeType)
            """);

    // A claimed row is leased: if this instance dies, the lease runs out and another instance takes the row over.
    public static readonly DialectSql Claim = LeasedQueueSql.Claim("notification_inbox", Columns);

    public const string Complete = """
        UPDATE notification_inbox
        SET status = 'done',
            finished_at = @Now,
            finished_reason = @Reason,
            lease_until = NULL,
            last_error = NULL
        WHERE id = @Id
        """;

    public const string Reschedule = """
        UPDATE notification_inbox
        SET status = @Status,
            not_before = @NotBefore,
            lease_until = NULL,
            last_error = @Error,
            attempts = attempts - @Refund
        WHERE id = @Id
        """;

    public const string CountByStatus = """
        SELECT status, COUNT(*) AS count
        FROM notification_inbox
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
        GROUP BY status
        """;

    public const string LastError = """
        SELECT last_error
        FROM notification_inbox
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND last_error IS NOT NULL
        ORDER BY not_before DESC
        """;

    public const string Replay = """
        UPDATE notification_inbox
        SET status = 'pending',
            attempts = 0,
            not_before = @Now,
            lease_until = NULL,
            finished_at = NULL,
            finished_reason = NULL
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND received_at >= @Since
          AND received_at < @Until
          AND status IN ('done', 'dead')
        """;

    public const string RetryDead = """
        UPDATE notification_inbox
        SET status = 'pending',
            attempts = 0,
            not_before = @Now,
            lease_until = NULL
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND status = 'dead'
        """;

    public const string RetryOneDead = """
        UPDATE notification_inbox
        SET status = 'pending',
            attempts = 0,
            not_before = @Now,
            lease_until = NULL
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND id = @Id
          AND status = 'dead'
        """;

    // Oldest first, keyset paged on (received_at, id).
    private const string DeadWhere = """
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND status = 'dead'
          AND (@AfterAt IS NULL OR received_at > @AfterAt OR (received_at = @AfterAt AND id > @AfterId))
        ORDER BY received_at, id
        """;

    public static readonly DialectSql GetDead = new(
        Sqlite: $"""
            SELECT {Columns}
            FROM notification_inbox
            {DeadWhere}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            FROM notification_inbox
            {DeadWhere}
            """);

    public const string DeleteInboxOfMailbox = """
        DELETE FROM notification_inbox
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    // Finished rows that have served their week (dead letters stay until retried or their mailbox goes), a batch at a time.
    public static readonly DialectSql PurgeDone = new(
        Sqlite: """
            DELETE FROM notification_inbox
            WHERE rowid IN (SELECT rowid
                            FROM notification_inbox
                            WHERE status = 'done'
                              AND finished_at < @Before
                            LIMIT @BatchSize)
            """,
        SqlServer: """
            DELETE TOP (@BatchSize)
            FROM notification_inbox
            WHERE status = 'done'
              AND finished_at < @Before
            """);

    // The backlog and dead letters of every mailbox of an account, counted in ix_notification_inbox_account_status alone
    // (account, status, mailbox): the week of done rows is never read.
    public const string CountOpenOfAccount = """
        SELECT mailbox_id, status, COUNT(*) AS count
        FROM notification_inbox
        WHERE account_id = @AccountId
          AND status IN ('pending', 'processing', 'dead')
        GROUP BY mailbox_id, status
        """;

    // Each mailbox's rows waiting for a retry (or dead) because of an error, with one of their errors (a backlog fails for
    // one reason in practice): grouped in the order of ix_notification_inbox_account_status, so only the backlog is read.
    public const string ErrorsOfAccount = """
        SELECT status, mailbox_id, COUNT(*) AS count, MAX(last_error) AS last_error, MAX(not_before) AS not_before
        FROM notification_inbox
        WHERE account_id = @AccountId
          AND status IN ('pending', 'processing', 'dead')
          AND last_error IS NOT NULL
        GROUP BY status, mailbox_id
        """;

    // Every account's backlog and dead letters for the telemetry gauges, counted in ix_notification_inbox_due (status, …).
    public const string CountOpen = """
        SELECT status, COUNT(*) AS count
        FROM notification_inbox
        WHERE status IN ('pending', 'processing', 'dead')
        GROUP BY status
        """;
}
