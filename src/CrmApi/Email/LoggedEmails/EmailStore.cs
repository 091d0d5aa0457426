using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.Retention;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>The logged emails: read by the API now, written by the logging pipeline (through <see cref="EmailWriter"/>).</summary>
public sealed class EmailStore(Db db) : IRecordReferences, IBodyPurge
{
    public async Task<LoggedEmail?> GetByIdAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LoggedEmail>(
            new CommandDefinition(EmailSql.GetById, new { AccountId = accountId, Id = id }, cancellationToken: ct));
    }

    public async Task<Guid?> GetIdByMessageIdAsync(Guid accountId, string internetMessageId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            EmailSql.GetIdByMessageId, new { AccountId = accountId, InternetMessageId = internetMessageId }, cancellationToken: ct));
    }

    /// <summary>A page of a record's timeline, newest first, after the given position (or from the top).</summary>
    public async Task<IReadOnlyList<LoggedEmail>> GetTimelinePageAsync(Guid accountId, Guid recordId, (DateTimeOffset SentAt, Guid EmailId)? after, int limit, CancellationToken ct)
    {
        var sql = after is null ? EmailSql.TimelineFirstPage : EmailSql.TimelineNextPage;
        await using var connection = await db.OpenAsync(ct);
        var emails = await connection.QueryAsync<LoggedEmail>(new CommandDefinition(
            sql.For(db.Provider),
            new { AccountId = accountId, RecordId = recordId, AfterSentAt = after?.SentAt, AfterEmailId = after?.EmailId, Limit = limit },
            cancellationToken: ct));
        return emails.AsList();
    }

    public async Task<ILookup<Guid, EmailParticipant>> GetParticipantsAsync(Guid accountId, IReadOnlyCollection<Guid> emailIds, CancellationToken ct)
    {
        if (emailIds.Count == 0)
        {
            return Array.Empty<EmailParticipant>().ToLookup(participant => participant.EmailId);
        }
        await using var connection = await db.OpenAsync(ct);
        var participants = await connection.QueryAsync<EmailParticipant>(
            new CommandDefinition(EmailSql.GetParticipants, new { AccountId = accountId, EmailIds = emailIds }, cancellationToken: ct));
        return participants.ToLookup(participant => participant.EmailId);
    }

    public async Task<IReadOnlyList<Guid>> GetAssociatedRecordIdsAsync(Guid accountId, Guid emailId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<Guid>(
            new CommandDefinition(EmailSql.GetAssociatedRecordIds, new { AccountId = accountId, EmailId = emailId }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>The email, its participants and its timeline entries, inside the caller's transaction.</summary>
    public static async Task CreateAsync(
        DbTransaction transaction, LoggedEmail email, IReadOnlyList<EmailParticipant> participants, IReadOnlyList<EmailAssociation> associations, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(EmailSql.Create, email, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(EmailSql.CreateParticipant, participants, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(EmailSql.CreateAssociation, associations, transaction, cancellationToken: ct));
    }

    /// <summary>Deletes emails with everything that hangs on them, inside the caller's transaction, in batches.</summary>
    public static async Task DeleteManyAsync(DbTransaction transaction, Guid accountId, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        foreach (var batch in emailIds.Chunk(500))
        {
            var emails = new { AccountId = accountId, EmailIds = batch };
            foreach (var sql in new[] { EmailSql.DeleteSightingsOfEmails, EmailSql.DeleteParticipantsOfEmails, EmailSql.DeleteAssociationsOfEmails, EmailSql.DeleteEmails })
            {
                await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, emails, transaction, cancellationToken: ct));
            }
        }
    }

    /// <summary>A deleted record leaves every timeline; the emails stay on the others'.</summary>
    public async Task DeleteOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            EmailSql.DeleteAssociationsOfRecord, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct));

    public async Task<RecordReferenceCount> CountOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        new("timelineEntries", await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            EmailSql.CountAssociationsOfRecord, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct)));

    /// <summary>A batch at a time, so the purge never holds the writer long; the email keeps its subject and participants.</summary>
    public async Task<int> PurgeBodiesAsync(Guid accountId, DateTimeOffset before, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            EmailSql.PurgeBodies.For(db.Provider), new { AccountId = accountId, Before = before, Now = now, BatchSize = batchSize }, cancellationToken: ct));
    }
}
