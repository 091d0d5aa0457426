using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.LoggingRules;

/// <summary>The reads and writes the logging rules make beyond the email itself.</summary>
public sealed class LoggingStore(Db db, TimeProvider clock)
{
    public async Task<IReadOnlyList<EmailKey>> GetEmailsByMessageIdsAsync(Guid accountId, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        if (messageIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<EmailKey>(new CommandDefinition(
            LoggingSql.GetEmailsByMessageIds, new { AccountId = accountId, MessageIds = messageIds }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<Guid>> GetRecordIdsOfEmailsAsync(Guid accountId, IReadOnlyCollection<Guid> emailIds, CancellationToken ct)
    {
        if (emailIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            LoggingSql.GetRecordIdsOfEmails, new { AccountId = accountId, EmailIds = emailIds }, cancellationToken: ct))).AsList();
    }

    public async Task<Guid?> GetEmailOfConversationAsync(Guid accountId, Guid mailboxId, string conversationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            LoggingSql.GetEmailOfConversation, new { AccountId = accountId, MailboxId = mailboxId, ConversationId = conversationId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Guid>> GetEmailsOfConversationAsync(Guid accountId, string conversationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            LoggingSql.GetEmailsOfConversation, new { AccountId = accountId, ConversationId = conversationId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The email's message id in one mailbox (its Graph/REST id), when that mailbox saw it.</summary>
    public async Task<string?> GetSightingMessageIdAsync(Guid accountId, Guid emailId, Guid mailboxId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(LoggingSql.GetSightingMessageId,
            new { AccountId = accountId, EmailId = emailId, MailboxId = mailboxId }, cancellationToken: ct));
    }

    /// <summary>Several of the writes below in one transaction: all of them land, or none.</summary>
    public Task InTransactionAsync(Func<DbTransaction, Task> work, CancellationToken ct) => db.InTransactionAsync(work, ct);

    public static async Task AddSightingAsync(
        DbTransaction transaction, Guid accountId, Guid emailId, Guid mailboxId, string folder, string graphMessageId, string? conversationId, DateTimeOffset now, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(LoggingSql.AddSighting, new
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
        InTransactionAsync(transaction => AddAssociationsAsync(transaction, accountId, emailId, recordIds, now, ct), ct);

    public static async Task AddAssociationsAsync(DbTransaction transaction, Guid accountId, Guid emailId, IReadOnlyCollection<Guid> recordIds, DateTimeOffset now, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(LoggingSql.AddAssociation,
            recordIds.Select(recordId => new { AccountId = accountId, EmailId = emailId, RecordId = recordId, CreatedAt = now }), transaction, cancellationToken: ct));

    public Task SaveOutcomeAsync(MessageOutcome outcome, CancellationToken ct) => InTransactionAsync(transaction => SaveOutcomeAsync(transaction, outcome, ct), ct);

    public static async Task SaveOutcomeAsync(DbTransaction transaction, MessageOutcome outcome, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSql.UpdateOutcome, outcome, transaction, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSql.CreateOutcome, outcome, transaction, cancellationToken: ct));
        }
    }

    public async Task<IReadOnlyList<MessageOutcome>> GetOutcomesAsync(Guid accountId, string? internetMessageId, string? trackingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var (sql, parameters) = internetMessageId is not null
            ? (LoggingSql.GetOutcomesByMessageId, (object)new { AccountId = accountId, InternetMessageId = internetMessageId })
            : (LoggingSql.GetOutcomesByTrackingId, new { AccountId = accountId, TrackingId = trackingId });
        return (await connection.QueryAsync<MessageOutcome>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
    }

    /// <summary>The account's create-contacts policy (<see cref="CreateContactsPolicies"/>), off when never set.</summary>
    public async Task<string> GetCreateContactsAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            LoggingSql.GetCreateContacts, new { AccountId = accountId }, cancellationToken: ct)) ?? CreateContactsPolicies.Off;
    }

    public async Task SaveCreateContactsAsync(Guid accountId, string policy, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, CreateContacts = policy, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSql.UpdateCreateContacts, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSql.CreateCreateContacts, parameters, cancellationToken: ct));
        }
    }

    public async Task<IReadOnlyList<NeverLogEntry>> GetNeverLogAsync(Guid accountId, Guid? userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<NeverLogEntry>(new CommandDefinition(
            LoggingSql.GetNeverLog, new { AccountId = accountId, UserId = userId }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> IsConnectedMailboxAsync(Guid accountId, string address, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            LoggingSql.GetMailboxAddresses, new { AccountId = accountId, Addresses = new[] { address } }, cancellationToken: ct))).Any();
    }

    /// <summary>Which of these addresses are the account's own: its users, its connected mailboxes, its internal domains.</summary>
    public async Task<IReadOnlySet<string>> InternalAmongAsync(Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0)
        {
            return new HashSet<string>();
        }
        await using var connection = await db.OpenAsync(ct);
        var users = (await connection.QueryAsync<string>(new CommandDefinition(
            PrivacySql.GetUserAddresses, new { AccountId = accountId, Addresses = addresses }, cancellationToken: ct))).ToHashSet();
        users.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
            LoggingSql.GetMailboxAddresses, new { AccountId = accountId, Addresses = addresses }, cancellationToken: ct)));
        var domains = (await connection.QueryAsync<string>(new CommandDefinition(PrivacySql.GetInternalDomains, new { AccountId = accountId }, cancellationToken: ct))).AsList();
        return addresses.Where(address => users.Contains(address) || InternalDomains.Contains(domains, address)).ToHashSet();
    }
}
