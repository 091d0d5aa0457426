using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

/// <summary>Connected mailboxes and their Graph subscriptions.</summary>
public sealed class MailboxStore(Db db)
{
    public Task<ConnectedMailbox?> GetByIdAsync(Guid accountId, Guid id, CancellationToken ct) =>
        SingleAsync<ConnectedMailbox>(MailboxSql.GetById, new { AccountId = accountId, Id = id }, ct);

    public Task<ConnectedMailbox?> GetForWorkerAsync(Guid id, CancellationToken ct) =>
        SingleAsync<ConnectedMailbox>(MailboxSql.GetByIdForWorker, new { Id = id }, ct);

    public Task<ConnectedMailbox?> GetByAddressAsync(Guid accountId, string addressNormalized, CancellationToken ct) =>
        SingleAsync<ConnectedMailbox>(MailboxSql.GetByAddress, new { AccountId = accountId, AddressNormalized = addressNormalized }, ct);

    public Task<IReadOnlyList<ConnectedMailbox>> GetManyOfAccountAsync(Guid accountId, CancellationToken ct) =>
        ManyAsync<ConnectedMailbox>(MailboxSql.GetManyOfAccount, new { AccountId = accountId }, ct);

    public Task<IReadOnlyList<ConnectedMailbox>> GetAllAsync(CancellationToken ct) => ManyAsync<ConnectedMailbox>(MailboxSql.GetAll, null, ct);

    public Task CreateAsync(ConnectedMailbox mailbox, CancellationToken ct) => ExecuteAsync(MailboxSql.Create, mailbox, ct);

    public async Task DeleteAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        var mailbox = new { AccountId = accountId, Id = id, MailboxId = id };
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var sql in new[] { MailboxSql.DeleteSightingsOfMailbox, MailboxSql.DeleteOutcomesOfMailbox, MailboxSql.DeleteInboxOfMailbox, MailboxSql.DeleteJobsOfMailbox, MailboxSql.DeleteDeltaLinksOfMailbox, MailboxSql.DeleteSubscriptionsOfMailbox, MailboxSql.Delete })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, mailbox, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    public Task SetLastErrorAsync(Guid id, string? error, CancellationToken ct) => ExecuteAsync(MailboxSql.SetLastError, new { Id = id, LastError = error }, ct);

    public Task TouchLastNotificationAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask : ExecuteAsync(MailboxSql.TouchLastNotification, new { Ids = ids, Now = now }, ct);

    public Task<SubscriptionRow?> GetSubscriptionAsync(Guid id, CancellationToken ct) => SingleAsync<SubscriptionRow>(MailboxSql.GetSubscription, new { Id = id }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsOfMailboxAsync(Guid mailboxId, CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(MailboxSql.GetSubscriptionsOfMailbox, new { MailboxId = mailboxId }, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetActiveSubscriptionsAsync(CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(MailboxSql.GetActiveSubscriptions, null, ct);

    public Task<IReadOnlyList<SubscriptionRow>> GetSubscriptionsDueAsync(DateTimeOffset renewBefore, CancellationToken ct) =>
        ManyAsync<SubscriptionRow>(MailboxSql.GetSubscriptionsDue, new { RenewBefore = renewBefore }, ct);

    public Task CreateSubscriptionAsync(SubscriptionRow row, CancellationToken ct) => ExecuteAsync(MailboxSql.CreateSubscription, row, ct);

    public Task ActivateSubscriptionAsync(Guid id, string graphSubscriptionId, DateTimeOffset expiresAt, CancellationToken ct) =>
        ExecuteAsync(MailboxSql.ActivateSubscription, new { Id = id, GraphSubscriptionId = graphSubscriptionId, ExpiresAt = expiresAt }, ct);

    public Task RenewSubscriptionAsync(Guid id, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(MailboxSql.RenewSubscription, new { Id = id, ExpiresAt = expiresAt, RenewedAt = now }, ct);

    public Task SetSubscriptionStatusAsync(Guid id, string status, CancellationToken ct) =>
        ExecuteAsync(MailboxSql.SetSubscriptionStatus, new { Id = id, Status = status }, ct);

    public async Task<bool> TryLeaseSubscriptionAsync(Guid id, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            MailboxSql.LeaseSubscription, new { Id = id, Now = now, LeaseUntil = now + lease }, cancellationToken: ct)) == 1;
    }

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

    /// <summary>Which of these addresses are connected mailboxes of the account.</summary>
    public async Task<IReadOnlySet<string>> GetConnectedAmongAsync(Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetConnectedAmongAsync(connection, accountId, addresses, ct);
    }

    /// <summary>The same on a caller's connection.</summary>
    public static async Task<IReadOnlySet<string>> GetConnectedAmongAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct) =>
        addresses.Count == 0 ? new HashSet<string>() : (await connection.QueryAsync<string>(new CommandDefinition(
            MailboxSql.GetMailboxAddresses, new { AccountId = accountId, Addresses = addresses }, cancellationToken: ct))).ToHashSet();
}
