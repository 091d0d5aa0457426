using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// The observable end of ingestion for one mailbox, to wait for before asserting that nothing was logged twice. A fixed
/// delay proves nothing: a duplicate logged a moment after it passes unseen. Settled means, read in one statement:
/// <list type="number">
/// <item>the mailbox's inbox holds at least one row per message the test sent ("no rows, none open" is not settled);</item>
/// <item>none of its rows is pending or processing (each is done or dead-lettered), and no catch-up job is open;</item>
/// <item>every message has its outcome row (it was decided, logged or not, rather than skipped as gone);</item>
/// <item>where the test can count Graph's notifications (duplicates included), the emulator is finished with all of
/// them: accepted, or given up on.</item>
/// </list>
/// Why nothing more can be logged after that, even when Graph redelivers late: work reaches the worker only as an inbox
/// row, and a row is unique per mailbox, Graph message and change type. A notification (or a catch-up find) for a
/// message that has its row is dropped at the door whatever that row's status, so a late duplicate cannot add or reopen
/// work (InboxClaimTests proves it on both databases). The emulator only sends "created", so (1) means every message has
/// its one row; (2) means none is still being worked on, and the worker marks a row done only after the transaction that
/// logs the email and writes its outcome has committed; (4) means nothing is still on its way. What is left (replay,
/// retrying dead letters) happens only when a test asks for it. So counts read after this are final.
/// </summary>
public static class Settled
{
    // One statement, so one read snapshot: the four counts describe the same moment.
    private const string StateSql = """
        SELECT (SELECT COUNT(*) FROM notification_inbox WHERE mailbox_id = @MailboxId),
               (SELECT COUNT(*) FROM notification_inbox WHERE mailbox_id = @MailboxId AND status NOT IN (@Done, @Dead)),
               (SELECT COUNT(*) FROM mailbox_jobs WHERE mailbox_id = @MailboxId AND status NOT IN (@Done, @Dead)),
               (SELECT COUNT(*) FROM message_outcomes WHERE mailbox_id = @MailboxId)
        """;

    private sealed record State(long Rows, long Unfinished, long OpenJobs, long Outcomes)
    {
        public bool Holds(int messages) => Rows >= messages && Unfinished == 0 && OpenJobs == 0 && Outcomes >= messages;

        public override string ToString() => $"{Rows} inbox rows, {Unfinished} not finished, {OpenJobs} open jobs, {Outcomes} outcomes";
    }

    /// <summary>
    /// Waits until the mailbox has settled with <paramref name="messages"/> messages; <paramref name="graphFinished"/>,
    /// when given, must hold too (e.g. the emulator has delivered every notification the test caused).
    /// </summary>
    public static async Task WaitAsync(string connectionString, Guid mailboxId, int messages, Func<Task<bool>>? graphFinished = null, TimeSpan? timeout = null)
    {
        State? last = null;
        var graphDone = graphFinished is null;
        await Emulator.EventuallyAsync(
            async () =>
            {
                graphDone = graphFinished is null || await graphFinished();
                last = await ReadAsync(connectionString, mailboxId);
                return graphDone && last.Holds(messages);
            },
            () => $"mailbox {mailboxId} settled with {messages} messages (last seen: {last}; Graph finished: {graphDone})",
            timeout ?? TimeSpan.FromSeconds(60));
    }

    private static async Task<State> ReadAsync(string connectionString, Guid mailboxId)
    {
        await using var connection = new SqliteConnection(connectionString);
        // Ids are stored as upper-case text on SQLite (see CrmApiFactory.CountRowsAsync).
        var (rows, unfinished, openJobs, outcomes) = await connection.QuerySingleAsync<(long, long, long, long)>(StateSql, new
        {
            MailboxId = mailboxId.ToString("D").ToUpperInvariant(),
            Done = InboxStatuses.Done,
            Dead = InboxStatuses.Dead,
        });
        return new State(rows, unfinished, openJobs, outcomes);
    }
}
