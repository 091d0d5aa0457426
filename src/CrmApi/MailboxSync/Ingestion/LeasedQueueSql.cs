using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// The claim statement both work queues (the notification inbox and the mailbox jobs) use: due rows, or rows whose
/// lease ran out (their instance died), taken in a batch and leased. SQL Server skips rows another instance holds
/// (<c>UPDLOCK, READPAST</c>); SQLite has one writer at a time, so its UPDATE … RETURNING is already exclusive.
/// </summary>
public static class LeasedQueueSql
{
    private const string Due = """
        (status = 'pending' AND not_before <= @Now)
        OR (status = 'processing' AND lease_until < @Now)
        """;

    // The two kinds of due rows apart, each by its own index range, so that a claim reads a batch's worth of a long
    // backlog instead of all of it (an OR over both sorts every pending row first). Rows whose lease ran out are few.
    private static string DueIds(string table) => $"""
        SELECT id
        FROM (SELECT id, not_before
              FROM {table}
              WHERE status = 'processing'
                AND lease_until < @Now
              UNION ALL
              SELECT id, not_before
              FROM (SELECT id, not_before
                    FROM {table}
                    WHERE status = 'pending'
                      AND not_before <= @Now
                    ORDER BY not_before
                    LIMIT @BatchSize))
        ORDER BY not_before
        LIMIT @BatchSize
        """;

    public static DialectSql Claim(string table, string columns)
    {
        var inserted = string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(column => $"inserted.{column}"));
        return new DialectSql(
            Sqlite: $"""
                UPDATE {table}
                SET status = 'processing',
                    lease_until = @LeaseUntil,
                    attempts = attempts + 1
                WHERE id IN ({DueIds(table)})
                RETURNING {columns}
                """,
            SqlServer: $"""
                WITH next AS (
                    SELECT TOP (@BatchSize) *
                    FROM {table} WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE {Due}
                    ORDER BY not_before
                )
                UPDATE next
                SET status = 'processing',
                    lease_until = @LeaseUntil,
                    attempts = attempts + 1
                OUTPUT {inserted}
                """);
    }
}

/// <summary>Exponential backoff for a failed attempt, capped.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));
}
