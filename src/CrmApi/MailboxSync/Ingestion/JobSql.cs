using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

public static class JobSql
{
    private const string Columns = """
        id, account_id, mailbox_id, folder, kind, status, attempts, not_before, lease_until, created_at, finished_at, last_error, resume_link, since, items_queued
        """;

    // One open job per (mailbox, folder, kind) is enough: a second "missed" while a catch-up waits adds nothing.
    public const string Enqueue = $"""
        INSERT INTO mailbox_jobs ({Columns})
        SELECT @Id, @AccountId, @MailboxId, @Folder, @Kind, 'pending', 0, @NotBefore, NULL, @CreatedAt, NULL, NULL, NULL, @Since, 0
        WHERE NOT EXISTS (SELECT 1
                          FROM mailbox_jobs
                          WHERE mailbox_id = @MailboxId
                            AND kind = @Kind
                            AND (folder = @Folder OR (folder IS NULL AND @Folder IS NULL))
                            AND status IN ('pending', 'processing'))
        """;

    public static readonly DialectSql Claim = LeasedQueueSql.Claim("mailbox_jobs", Columns);

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

    // A walk that ran its pages and has more: back in the queue at once, its attempts reset (going on is no failure).
    public const string Continue = """
        UPDATE mailbox_jobs
        SET status = 'pending',
            attempts = 0,
            not_before = @Now,
            lease_until = NULL,
            last_error = NULL,
            resume_link = @ResumeLink,
            items_queued = @ItemsQueued
        WHERE id = @Id
        """;

    public const string FinishWalk = """
        UPDATE mailbox_jobs
        SET status = 'done',
            finished_at = @Now,
            lease_until = NULL,
            last_error = NULL,
            resume_link = NULL,
            items_queued = @ItemsQueued
        WHERE id = @Id
        """;

    // The latest walk of each folder and kind of one mailbox (few rows: one per connection or import).
    public const string GetWalksOfMailbox = $"""
        SELECT {Columns}
        FROM mailbox_jobs
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND kind IN @Kinds
        ORDER BY created_at DESC
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

    public const string DeleteJobsOfMailbox = """
        DELETE FROM mailbox_jobs
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;


    public const string DeleteDeltaLinksOfMailbox = """
        DELETE FROM delta_links
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    // The walks under way in an account's mailboxes, for the admin overview (few rows: a walk runs once per connection).
    public const string GetActiveWalksOfAccount = $"""
        SELECT {Columns}
        FROM mailbox_jobs
        WHERE account_id = @AccountId
          AND kind IN @Kinds
          AND status IN ('pending', 'processing')
        """;
}
