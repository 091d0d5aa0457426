using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>Subscription upkeep jobs (renew, recreate, catch up) and the delta link of each watched folder.</summary>
public sealed class JobStore(Db db, TimeProvider clock) : IMailboxReferences
{
    /// <summary>A job, unless one of its kind is already open for the folder; <paramref name="since"/> is a walk's start.</summary>
    public async Task EnqueueAsync(Guid accountId, Guid mailboxId, string? folder, string kind, CancellationToken ct, DateTimeOffset? since = null)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql.Enqueue, new
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            MailboxId = mailboxId,
            Folder = folder,
            Kind = kind,
            NotBefore = now,
            CreatedAt = now,
            Since = since,
        }, cancellationToken: ct));
    }

    /// <summary>A walk that has more pages: queued again at once from <paramref name="resumeLink"/>.</summary>
    public async Task ContinueAsync(Guid id, string resumeLink, long itemsQueued, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql.Continue, new { Id = id, ResumeLink = resumeLink, ItemsQueued = itemsQueued, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task FinishWalkAsync(Guid id, long itemsQueued, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql.FinishWalk, new { Id = id, ItemsQueued = itemsQueued, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>The mailbox's first syncs and imports, newest first: their progress is the mailbox's health.</summary>
    public Task<IReadOnlyList<MailboxJob>> GetActiveWalksOfAccountAsync(Guid accountId, CancellationToken ct) =>
        db.ManyAsync<MailboxJob>(JobSql.GetActiveWalksOfAccount, new { AccountId = accountId, Kinds = JobKinds.Walks }, ct);

    public async Task<IReadOnlyList<MailboxJob>> GetWalksOfMailboxAsync(Guid accountId, Guid mailboxId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MailboxJob>(new CommandDefinition(
            JobSql.GetWalksOfMailbox, new { AccountId = accountId, MailboxId = mailboxId, Kinds = JobKinds.Walks }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<MailboxJob>> ClaimAsync(TimeSpan lease, int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenForWriteAsync(ct);
        return (await connection.QueryAsync<MailboxJob>(new CommandDefinition(
            JobSql.Claim.For(db.Provider), new { Now = now, LeaseUntil = now + lease, BatchSize = batchSize }, cancellationToken: ct))).AsList();
    }

    public async Task CompleteAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql.Complete, new { Id = id, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task RescheduleAsync(Guid id, bool dead, DateTimeOffset notBefore, string error, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql.Reschedule, new
        {
            Id = id,
            Status = dead ? InboxStatuses.Dead : InboxStatuses.Pending,
            NotBefore = notBefore,
            Error = error,
        }, cancellationToken: ct));
    }

    public async Task<string?> GetDeltaLinkAsync(Guid mailboxId, string folder, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            JobSql.GetDeltaLink, new { MailboxId = mailboxId, Folder = folder }, cancellationToken: ct));
    }

    public async Task SaveDeltaLinkAsync(Guid accountId, Guid mailboxId, string folder, string deltaLink, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, MailboxId = mailboxId, Folder = folder, DeltaLink = deltaLink, Now = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(JobSql.UpdateDeltaLink, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(JobSql.CreateDeltaLink, parameters, cancellationToken: ct));
        }
    }

    /// <summary>A disconnected mailbox's catch-up jobs and delta links go with it.</summary>
    public async Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct)
    {
        var mailbox = new { AccountId = accountId, Id = mailboxId };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(JobSql.DeleteJobsOfMailbox, mailbox, transaction, cancellationToken: ct));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(JobSql.DeleteDeltaLinksOfMailbox, mailbox, transaction, cancellationToken: ct));
    }
}
