using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

public static class SubscriptionStatuses
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Removed = "removed";
}

public sealed record SubscriptionRow
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid MailboxId { get; init; }
    public required string Folder { get; init; }
    public string? GraphSubscriptionId { get; init; }
    public required string ClientStateHash { get; init; }

    /// <summary>The id of the key that signed the clientState; null for a state made before states were signed.</summary>
    public string? ClientStateKey { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RenewedAt { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>The Graph change-notification subscriptions of the connected mailboxes, one per watched folder.</summary>
public sealed class SubscriptionStore(Db db) : IMailboxReferences
{
    public Task<SubscriptionRow?> GetSubscriptionAsync(Guid id, CancellationToken ct) => db.SingleAsync<SubscriptionRow>(SubscriptionSql.GetSubscription, new { Id = id }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsOfMailboxAsync(Guid mailboxId, CancellationToken ct) =>
        db.ManyAsync<SubscriptionRow>(SubscriptionSql.GetSubscriptionsOfMailbox, new { MailboxId = mailboxId }, ct);

    /// <summary>The account's subscriptions that are not removed, for the admin overview.</summary>
    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsOfAccountAsync(Guid accountId, CancellationToken ct) =>
        db.ManyAsync<SubscriptionRow>(SubscriptionSql.GetSubscriptionsOfAccount, new { AccountId = accountId }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetActiveSubscriptionsAsync(CancellationToken ct) =>
        db.ManyAsync<SubscriptionRow>(SubscriptionSql.GetActiveSubscriptions, null, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsDueAsync(DateTimeOffset renewBefore, CancellationToken ct) =>
        db.ManyAsync<SubscriptionRow>(SubscriptionSql.GetSubscriptionsDue, new { RenewBefore = renewBefore }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetActiveSubscriptionsOfOtherKeysAsync(string keyId, CancellationToken ct) =>
        db.ManyAsync<SubscriptionRow>(SubscriptionSql.GetActiveSubscriptionsOfOtherKeys, new { KeyId = keyId }, ct);

    public Task CreateSubscriptionAsync(SubscriptionRow row, CancellationToken ct) => db.ExecuteAsync(SubscriptionSql.CreateSubscription, row, ct);

    public Task ActivateSubscriptionAsync(Guid id, string graphSubscriptionId, DateTimeOffset expiresAt, CancellationToken ct) =>
        db.ExecuteAsync(SubscriptionSql.ActivateSubscription, new { Id = id, GraphSubscriptionId = graphSubscriptionId, ExpiresAt = expiresAt }, ct);

    public Task RenewSubscriptionAsync(Guid id, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync(SubscriptionSql.RenewSubscription, new { Id = id, ExpiresAt = expiresAt, RenewedAt = now }, ct);

    public Task SetSubscriptionStatusAsync(Guid id, string status, CancellationToken ct) =>
        db.ExecuteAsync(SubscriptionSql.SetSubscriptionStatus, new { Id = id, Status = status }, ct);

    /// <summary>Whether this instance now holds the renewal of the subscription (another's lease has run out, or there was none).</summary>
    public async Task<bool> TryLeaseSubscriptionAsync(Guid id, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        await db.ExecuteAsync(SubscriptionSql.LeaseSubscription, new { Id = id, Now = now, LeaseUntil = now + lease }, ct) == 1;

    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(SubscriptionSql.DeleteSubscriptionsOfMailbox, new { MailboxId = mailboxId }, transaction, cancellationToken: ct));
}
