using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.Threads;

public sealed record EmailKey
{
    public required Guid Id { get; init; }
    public required string InternetMessageId { get; init; }
}

/// <summary>Logged emails as threads: by Message-ID and conversation, their records, and which mailboxes saw them.</summary>
public sealed class ThreadStore(Db db) : IMailboxReferences
{
    public async Task<IReadOnlyList<EmailKey>> GetEmailsByMessageIdsAsync(Guid accountId, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        if (messageIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<EmailKey>(new CommandDefinition(
            ThreadSql.GetEmailsByMessageIds, new { AccountId = accountId, MessageIds = messageIds }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<Guid>> GetRecordIdsOfEmailsAsync(Guid accountId, IReadOnlyCollection<Guid> emailIds, CancellationToken ct)
    {
        if (emailIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            ThreadSql.GetRecordIdsOfEmails, new { AccountId = accountId, EmailIds = emailIds }, cancellationToken: ct))).AsList();
    }

    public async Task<Guid?> GetEmailOfConversationAsync(Guid accountId, Guid mailboxId, string conversationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            ThreadSql.GetEmailOfConversation, new { AccountId = accountId, MailboxId = mailboxId, ConversationId = conversationId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Guid>> GetEmailsOfConversationAsync(Guid accountId, string conversationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            ThreadSql.GetEmailsOfConversation, new { AccountId = accountId, ConversationId = conversationId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The email's message id in one mailbox (its Graph/REST id), when that mailbox saw it.</summary>
    public async Task<string?> GetSightingMessageIdAsync(Guid accountId, Guid emailId, Guid mailboxId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(ThreadSql.GetSightingMessageId,
            new { AccountId = accountId, EmailId = emailId, MailboxId = mailboxId }, cancellationToken: ct));
    }

    public static async Task AddSightingAsync(
        DbTransaction transaction, Guid accountId, Guid emailId, Guid mailboxId, string folder, string graphMessageId, string? conversationId, DateTimeOffset now, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(ThreadSql.AddSighting, new
        {
            AccountId = accountId,
            EmailId = emailId,
            MailboxId = mailboxId,
            Folder = folder,
            GraphMessageId = graphMessageId,
            ConversationId = conversationId,
            SeenAt = now,
        }, transaction, cancellationToken: ct));

    public Task AddAssociationsAsync(Guid accountId, Guid emailId, IReadOnlyCollection<Guid> recordIds, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(transaction => AddAssociationsAsync(transaction, accountId, emailId, recordIds, now, ct), ct);

    public static async Task AddAssociationsAsync(DbTransaction transaction, Guid accountId, Guid emailId, IReadOnlyCollection<Guid> recordIds, DateTimeOffset now, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(ThreadSql.AddAssociation,
            recordIds.Select(recordId => new { AccountId = accountId, EmailId = emailId, RecordId = recordId, CreatedAt = now }), transaction, cancellationToken: ct));

    /// <summary>A disconnected mailbox's sightings go; the emails stay on their timelines.</summary>
    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(ThreadSql.DeleteSightingsOfMailbox, new { AccountId = accountId, Id = mailboxId }, transaction, cancellationToken: ct));
}
