using OutlookCrm.CrmApi.Data;

namespace OutlookCrm.CrmApi.Ingestion;

public static class JobSql
{
    private const string Columns = """
        id, account_id, mailbox_id, folder, kind, status, attempts, not_before, lease_until, created_at, finished_at, last_error
        """;

    // One open job per (mailbox, folder, kind) is enough: a second "missed" while a catch-up waits adds nothing.
    public const string Enqueue = $"""
        INSERT INTO mailbox_jobs ({Columns})
        SELECT @Id, @AccountId, @MailboxId, @Folder, @Kind, 'pending', 0, @NotBefore, NULL, @CreatedAt, NULL, NULL
        WHERE NOT EXISTS (SELECT 1
                          FROM mailbox_jobs
                          WHERE mailbox_id = @MailboxId
                            AND kind = @Kind
                            AND (folder = @Folder OR (folder IS NULL AND @Folder IS NULL))
                            AND status IN ('pending', 'processing'))
        """;

    private const string Due = """
        (status = 'pending' AND not_before <= @Now)
        OR (status = 'processing' AND lease_until < @Now)
        """;

    public static readonly DialectSql Claim = new(
        Sqlite: $"""
            UPDATE mailbox_jobs
            SET status = 'processing',
                lease_until = @LeaseUntil,
                attempts = attempts + 1
            WHERE id IN (SELECT id
                         FROM mailbox_jobs
                         WHERE {Due}
                         ORDER BY not_before
                         LIMIT @BatchSize)
            RETURNING {Columns}
            """,
        SqlServer: $"""
            WITH next AS (
                SELECT TOP (@BatchSize) *
                FROM mailbox_jobs WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE {Due}
                ORDER BY not_before
            )
            UPDATE next
            SET status = 'processing',
                lease_until = @LeaseUntil,
                attempts = attempts + 1
            OUTPUT inserted.id, inserted.account_id, inserted.mailbox_id, inserted.folder, inserted.kind, inserted.status,
                   inserted.attempts, inserted.not_before, inserted.lease_until, inserted.created_at, inserted.finished_at,
                   inserted.last_error
            """);

    public const string Complete = """
        UPDATE mailbox_jobs
        SET status = 'done',
            finished_at = @Now,
            lease_until = NULL,
            last_error = NULL
        WHERE id = @Id
        """;

    public const string Reschedule = """
        UPDATE mailbox_jobs
        SET status = @Status,
            not_before = @NotBefore,
            lease_until = NULL,
            last_error = @Error
        WHERE id = @Id
        """;

    public const string GetDeltaLink = """
        SELECT delta_link
        FROM delta_links
        WHERE mailbox_id = @MailboxId
          AND folder = @Folder
        """;

    public const string UpdateDeltaLink = """
        UPDATE delta_links
        SET delta_link = @DeltaLink,
            updated_at = @Now
        WHERE mailbox_id = @MailboxId
          AND folder = @Folder
        """;

    public const string CreateDeltaLink = """
        INSERT INTO delta_links (mailbox_id, folder, account_id, delta_link, updated_at)
        VALUES (@MailboxId, @Folder, @AccountId, @DeltaLink, @Now)
        """;
}
