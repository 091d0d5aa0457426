using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Members;

public sealed record MailboxMember
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
}

/// <summary>Who acts for a connected team or help-desk mailbox (<c>mailbox_members</c>); the rows go with the mailbox.</summary>
public sealed class MailboxMemberStore(Db db) : IMailboxReferences
{
    public Task<IReadOnlyList<MailboxMember>> GetMembersAsync(Guid accountId, Guid mailboxId, CancellationToken ct) =>
        db.ManyAsync<MailboxMember>(MailboxMemberSql.GetMembers, new { AccountId = accountId, MailboxId = mailboxId }, ct);

    public async Task<bool> IsMemberAsync(Guid accountId, Guid mailboxId, Guid userId, CancellationToken ct) =>
        await db.SingleAsync<int>(MailboxMemberSql.CountMembership, new { AccountId = accountId, MailboxId = mailboxId, UserId = userId }, ct) > 0;

    public Task<IReadOnlyList<Guid>> GetMailboxIdsOfUserAsync(Guid accountId, Guid userId, CancellationToken ct) =>
        db.ManyAsync<Guid>(MailboxMemberSql.GetMailboxIdsOfUser, new { AccountId = accountId, UserId = userId }, ct);


    /// <summary>Which of these ids are users of the account.</summary>
    public async Task<IReadOnlySet<Guid>> UsersAmongAsync(Guid accountId, IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        userIds.Count == 0 ? new HashSet<Guid>() : (await db.ManyAsync<Guid>(MailboxMemberSql.UsersAmong, new { AccountId = accountId, UserIds = userIds }, ct)).ToHashSet();

    /// <summary>The whole list at once, in one transaction: a reader never sees it half replaced.</summary>
    public async Task ReplaceAsync(Guid accountId, Guid mailboxId, IReadOnlyCollection<Guid> userIds, DateTimeOffset now, CancellationToken ct) =>
        await db.InTransactionAsync(async transaction =>
        {
            await DeleteOfMailboxAsync(transaction, accountId, mailboxId, ct);
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(MailboxMemberSql.Add,
                userIds.Select(userId => new { MailboxId = mailboxId, UserId = userId, AccountId = accountId, AddedAt = now }), transaction, cancellationToken: ct));
        }, ct);

    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(MailboxMemberSql.DeleteOfMailbox, new { AccountId = accountId, MailboxId = mailboxId }, transaction, cancellationToken: ct));
}
