using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>The durable inbox between the webhook and the worker.</summary>
public sealed class InboxStore(Db db) : IMailboxReferences, IAgedRows
{
    /// <summary>How long the webhook's write waits for a lock held by another process before it answers 503.</summary>
    public static readonly TimeSpan IntakeLockWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Writes the rows in one transaction; rows already there (duplicates) are skipped. Change notifications (not a
    /// catch-up's finds) are counted in their mailbox's hour in the same transaction, duplicates not.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<InboxRow> rows, CancellationToken ct, bool notified = false)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var connection = await db.OpenForWriteAsync(IntakeLockWait, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var inserted = new List<InboxRow>();
        foreach (var row in rows)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(InboxSql.Enqueue.For(db.Provider), row, transaction, cancellationToken: ct)) > 0)
            {
                inserted.Add(row);
            }
        }
        if (notified)
        {
            var hours = inserted.GroupBy(row => (row.AccountId, row.MailboxId))
                .Select(mailbox => FlowHour.Notified(mailbox.Key.AccountId, mailbox.Key.MailboxId, mailbox.First().ReceivedAt, mailbox.Count())).ToList();
            await FlowCounterStore.AddAsync(transaction, db.Provider, hours, ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<InboxRow>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return (await connection.QueryAsync<InboxRow>(new CommandDefinition(
            InboxSql.Claim.For(db.Provider), new { Now = now, LeaseUntil = now + lease, BatchSize = batchSize }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Marks the rows done in one transaction (a batch's worth of write locks taken once, not once a row), and counts
    /// them in their mailboxes' hour with their lag (notification received → processed).
    /// </summary>
    public Task CompleteAsync(IReadOnlyCollection<(InboxRow Row, string Reason)> rows, DateTimeOffset now, CancellationToken ct) =>
        rows.Count == 0
            ? Task.CompletedTask
            : db.InTransactionAsync(async transaction =>
            {
                await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                    InboxSql.Complete, rows.Select(done => new { done.Row.Id, done.Reason, Now = now }), transaction, cancellationToken: ct));
                var hours = rows.GroupBy(done => (done.Row.AccountId, done.Row.MailboxId))
                    .Select(mailbox => FlowHour.Finished(mailbox.Key.AccountId, mailbox.Key.MailboxId, now, mailbox.Select(done => now - done.Row.ReceivedAt))).ToList();
                await FlowCounterStore.AddAsync(transaction, db.Provider, hours, ct);
            }, ct);

    /// <summary>Back to pending at <paramref name="notBefore"/>, or dead; a refunded attempt (throttling) does not count.</summary>
    public async Task RescheduleAsync(Guid id, bool dead, DateTimeOffset notBefore, string error, bool refundAttempt, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InboxSql.Reschedule, new
        {
            Id = id,
            Status = dead ? InboxStatuses.Dead : InboxStatuses.Pending,
            NotBefore = notBefore,
            Error = error,
            Refund = refundAttempt ? 1 : 0,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(Guid accountId, Guid mailboxId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var counts = await connection.QueryAsync<StatusCount>(new CommandDefinition(
            InboxSql.CountByStatus, new { AccountId = accountId, MailboxId = mailboxId }, cancellationToken: ct));
        return counts.ToDictionary(count => count.Status, count => count.Count);
    }

    /// <summary>Pending, processing and dead rows of every account (the telemetry gauges' sample).</summary>
    public Task<IReadOnlyList<StatusCount>> CountOpenAsync(CancellationToken ct) => db.ManyAsync<StatusCount>(InboxSql.CountOpen, null, ct);

    /// <summary>Pending, processing and dead rows of each mailbox of the account.</summary>
    public Task<IReadOnlyList<MailboxStatusCount>> CountOpenOfAccountAsync(Guid accountId, CancellationToken ct) =>
        db.ManyAsync<MailboxStatusCount>(InboxSql.CountOpenOfAccount, new { AccountId = accountId }, ct);

    /// <summary>For each mailbox and status, the rows carrying an error and one of their errors.</summary>
    public Task<IReadOnlyList<MailboxErrors>> ErrorsOfAccountAsync(Guid accountId, CancellationToken ct) =>
        db.ManyAsync<MailboxErrors>(InboxSql.ErrorsOfAccount, new { AccountId = accountId }, ct);

    public async Task<string?> LastErrorAsync(Guid accountId, Guid mailboxId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            InboxSql.LastError, new { AccountId = accountId, MailboxId = mailboxId }, cancellationToken: ct));
    }

    /// <summary>A page of the mailbox's dead letters, oldest first, after the given (received at, id).</summary>
    public Task<IReadOnlyList<InboxRow>> GetDeadAsync(Guid accountId, Guid mailboxId, DateTimeOffset? afterAt, Guid afterId, int limit, CancellationToken ct) =>
        db.ManyAsync<InboxRow>(InboxSql.GetDead.For(db.Provider),
            new { AccountId = accountId, MailboxId = mailboxId, AfterAt = afterAt, AfterId = afterId, Limit = limit }, ct);

    /// <summary>True when the row was a dead letter of the mailbox and is pending again.</summary>
    public async Task<bool> RetryOneDeadAsync(Guid accountId, Guid mailboxId, Guid id, DateTimeOffset now, CancellationToken ct) =>
        await db.ExecuteAsync(InboxSql.RetryOneDead, new { AccountId = accountId, MailboxId = mailboxId, Id = id, Now = now }, ct) == 1;

    /// <summary>Queues again the mailbox's finished messages received in [since, until).</summary>
    public async Task<int> ReplayAsync(Guid accountId, Guid mailboxId, DateTimeOffset since, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            InboxSql.Replay, new { AccountId = accountId, MailboxId = mailboxId, Since = since, Until = until, Now = now }, cancellationToken: ct));
    }

    public async Task<int> RetryDeadAsync(Guid accountId, Guid mailboxId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            InboxSql.RetryDead, new { AccountId = accountId, MailboxId = mailboxId, Now = now }, cancellationToken: ct));
    }

    /// <summary>A disconnected mailbox's queued notifications go with it.</summary>
    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(InboxSql.DeleteInboxOfMailbox, new { AccountId = accountId, Id = mailboxId }, transaction, cancellationToken: ct));

    public string Kind => "finished inbox rows";

    public TimeSpan KeptFor(HousekeepingOptions options) => options.DoneInboxRowsKeptFor;

    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(InboxSql.PurgeDone.For(db.Provider), new { Before = before, BatchSize = batchSize }, cancellationToken: ct));
    }
}
