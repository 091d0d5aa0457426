using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// The shared concurrency slots and request budget of each mailbox. SQL Server locks what it reads for a claim
/// (<c>UPDLOCK</c>, skipping rows another instance is claiming with <c>READPAST</c>) and the budget's range of a mailbox
/// (<c>UPDLOCK, HOLDLOCK</c>) so two instances never grant the same headroom; SQLite has one writer at a time.
/// </summary>
public static class MailboxGateSql
{
    /// <summary>The mailbox's slot rows 0 … @Slots − 1, made once; existing rows are left as they are.</summary>
    public static readonly DialectSql EnsureSlots = new(
        Sqlite: """
            WITH RECURSIVE numbers (slot) AS (
                SELECT 0
                UNION ALL
                SELECT slot + 1 FROM numbers WHERE slot + 1 < @Slots
            )
            INSERT OR IGNORE INTO graph_mailbox_slots (mailbox_id, slot)
            SELECT @MailboxId, slot
            FROM numbers
            """,
        SqlServer: """
            WITH numbers (slot) AS (
                SELECT 0
                UNION ALL
                SELECT slot + 1 FROM numbers WHERE slot + 1 < @Slots
            )
            INSERT INTO graph_mailbox_slots (mailbox_id, slot)
            SELECT @MailboxId, numbers.slot
            FROM numbers
            WHERE NOT EXISTS (SELECT 1
                              FROM graph_mailbox_slots existing WITH (UPDLOCK, HOLDLOCK)
                              WHERE existing.mailbox_id = @MailboxId
                                AND existing.slot = numbers.slot)
            """);

    /// <summary>A free slot (never held, given back, or whose holder's lease ran out) taken; its number, or nothing.</summary>
    public static readonly DialectSql Claim = new(
        Sqlite: """
            UPDATE graph_mailbox_slots
            SET holder = @Holder,
                lease_until = @LeaseUntil
            WHERE mailbox_id = @MailboxId
              AND slot = (SELECT slot
                          FROM graph_mailbox_slots
                          WHERE mailbox_id = @MailboxId
                            AND slot < @Slots
                            AND (holder IS NULL OR lease_until < @Now)
                          ORDER BY slot
                          LIMIT 1)
            RETURNING slot
            """,
        SqlServer: """
            WITH free AS (
                SELECT TOP (1) *
                FROM graph_mailbox_slots WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE mailbox_id = @MailboxId
                  AND slot < @Slots
                  AND (holder IS NULL OR lease_until < @Now)
                ORDER BY slot
            )
            UPDATE free
            SET holder = @Holder,
                lease_until = @LeaseUntil
            OUTPUT inserted.slot
            """);

    public const string Renew = """
        UPDATE graph_mailbox_slots
        SET lease_until = @LeaseUntil
        WHERE mailbox_id = @MailboxId
          AND slot = @Slot
          AND holder = @Holder
        """;

    public const string Release = """
        UPDATE graph_mailbox_slots
        SET holder = NULL,
            lease_until = NULL
        WHERE mailbox_id = @MailboxId
          AND slot = @Slot
          AND holder = @Holder
        """;

    /// <summary>Slices older than the budget's span count for nothing any more.</summary>
    public const string DeleteOldSlices = """
        DELETE FROM graph_mailbox_budget
        WHERE mailbox_id = @MailboxId
          AND slice < @OldestSlice
        """;

    /// <summary>The requests granted in each slice of the span, read under a lock the grant below keeps until commit.</summary>
    public static readonly DialectSql SlicesOfSpan = new(
        Sqlite: """
            SELECT slice, requests
            FROM graph_mailbox_budget
            WHERE mailbox_id = @MailboxId
              AND slice >= @OldestSlice
            """,
        SqlServer: """
            SELECT slice, requests
            FROM graph_mailbox_budget WITH (UPDLOCK, HOLDLOCK)
            WHERE mailbox_id = @MailboxId
              AND slice >= @OldestSlice
            """);

    public static readonly DialectSql Grant = new(
        Sqlite: """
            INSERT INTO graph_mailbox_budget (mailbox_id, slice, requests)
            VALUES (@MailboxId, @Slice, @Requests)
            ON CONFLICT (mailbox_id, slice) DO UPDATE
            SET requests = requests + excluded.requests
            """,
        SqlServer: """
            UPDATE graph_mailbox_budget
            SET requests = requests + @Requests
            WHERE mailbox_id = @MailboxId
              AND slice = @Slice;
            IF @@ROWCOUNT = 0
                INSERT INTO graph_mailbox_budget (mailbox_id, slice, requests)
                VALUES (@MailboxId, @Slice, @Requests);
            """);

    public const string DeleteSlotsOfMailbox = """
        DELETE FROM graph_mailbox_slots
        WHERE mailbox_id = @MailboxId
        """;

    public const string DeleteBudgetOfMailbox = """
        DELETE FROM graph_mailbox_budget
        WHERE mailbox_id = @MailboxId
        """;
}
