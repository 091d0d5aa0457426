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
    public required string Status { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RenewedAt { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>The Graph change-notification subscriptions of the connected mailboxes, one per watched folder.</summary>
public sealed class SubscriptionStore(Db db) : IMailboxReferences
{
    public Task<SubscriptionRow?> GetSubscriptionAsync(Guid id, CancellationToken ct) => SingleAsync<SubscriptionRow>(SubscriptionSql.GetSubscription, new { Id = id }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsOfMailboxAsync(Guid mailboxId, CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(SubscriptionSql.GetSubscriptionsOfMailbox, new { MailboxId = mailboxId }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetActiveSubscriptionsAsync(CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(SubscriptionSql.GetActiveSubscriptions, null, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsDueAsync(DateTimeOffset renewBefore, CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(SubscriptionSql.GetSubscriptionsDue, new { RenewBefore = renewBefore }, ct);

    public Task CreateSubscriptionAsync(SubscriptionRow row, CancellationToken ct) => ExecuteAsync(SubscriptionSql.CreateSubscription, row, ct);

    public Task ActivateSubscriptionAsync(Guid id, string graphSubscriptionId, DateTimeOffset expiresAt, CancellationToken ct) =>
        ExecuteAsync(SubscriptionSql.ActivateSubscription, new { Id = id, GraphSubscriptionId = graphSubscriptionId, ExpiresAt = expiresAt }, ct);

    public Task RenewSubscriptionAsync(Guid id, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(SubscriptionSql.RenewSubscription, new { Id = id, ExpiresAt = expiresAt, RenewedAt = now }, ct);

    public Task SetSubscriptionStatusAsync(Guid id, string status, CancellationToken ct) =>
        ExecuteAsync(SubscriptionSql.SetSubscriptionStatus, new { Id = id, Status = status }, ct);

    public async Task<bool> TryLeaseSubscriptionAsync(Guid id, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            SubscriptionSql.LeaseSubscription, new { Id = id, Now = now, LeaseUntil = now + lease }, cancellationToken: ct)) == 1;
    }

    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(SubscriptionSql.DeleteSubscriptionsOfMailbox, new { MailboxId = mailboxId }, transaction, cancellationToken: ct));

    private async Task<T?> SingleAsync<T>(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    private async Task<IReadOnlyList<T>> ManyAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }
}
