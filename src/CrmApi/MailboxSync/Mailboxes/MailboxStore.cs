using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

/// <summary>Connected mailboxes and their Graph subscriptions.</summary>
public sealed class MailboxStore(Db db, IEnumerable<IMailboxReferences> references)
{
    public Task<ConnectedMailbox?> GetByIdAsync(Guid accountId, Guid id, CancellationToken ct) =>
        db.SingleAsync<ConnectedMailbox>(MailboxSql.GetById, new { AccountId = accountId, Id = id }, ct);

    public Task<ConnectedMailbox?> GetForWorkerAsync(Guid id, CancellationToken ct) =>
        db.SingleAsync<ConnectedMailbox>(MailboxSql.GetByIdForWorker, new { Id = id }, ct);

    public Task<ConnectedMailbox?> GetByAddressAsync(Guid accountId, string addressNormalized, CancellationToken ct) =>
        db.SingleAsync<ConnectedMailbox>(MailboxSql.GetByAddress, new { AccountId = accountId, AddressNormalized = addressNormalized }, ct);

    public Task<IReadOnlyList<ConnectedMailbox>> GetManyOfAccountAsync(Guid accountId, CancellationToken ct) =>
        db.ManyAsync<ConnectedMailbox>(MailboxSql.GetManyOfAccount, new { AccountId = accountId }, ct);

    /// <summary>The mailboxes these users own or connected.</summary>
    public Task<IReadOnlyList<ConnectedMailbox>> GetManyOfPeopleAsync(Guid accountId, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<string> objectIds, CancellationToken ct) =>
        userIds.Count == 0 ? Task.FromResult<IReadOnlyList<ConnectedMailbox>>([])
        : db.ManyAsync<ConnectedMailbox>(MailboxSql.GetManyOfPeople, new { AccountId = accountId, UserIds = userIds, ObjectIds = objectIds }, ct);

    public Task<IReadOnlyList<ConnectedMailbox>> GetAllAsync(CancellationToken ct) => db.ManyAsync<ConnectedMailbox>(MailboxSql.GetAll, null, ct);

    public Task CreateAsync(ConnectedMailbox mailbox, CancellationToken ct) => db.ExecuteAsync(MailboxSql.Create, mailbox, ct);

    public Task SetConnectStateAsync(Guid accountId, Guid id, string state, CancellationToken ct) =>
        db.ExecuteAsync(MailboxSql.SetConnectState, new { AccountId = accountId, Id = id, ConnectState = state }, ct);

    public async Task DeleteAsync(Guid accountId, Guid id, CancellationToken ct) =>
        await db.InTransactionAsync(transaction => DeleteAsync(transaction, accountId, id, ct), ct);

    /// <summary>In the caller's transaction (a disconnect writes its audit line with it).</summary>
    public async Task DeleteAsync(DbTransaction transaction, Guid accountId, Guid id, CancellationToken ct)
    {
        foreach (var reference in references)
        {
            await reference.DeleteOfMailboxAsync(transaction, accountId, id, ct);
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(MailboxSql.Delete, new { AccountId = accountId, Id = id }, transaction, cancellationToken: ct));
    }

    public Task SetLastErrorAsync(Guid id, string? error, CancellationToken ct) => db.ExecuteAsync(MailboxSql.SetLastError, new { Id = id, LastError = error }, ct);

    public Task TouchLastNotificationAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(MailboxSql.TouchLastNotification, new { Ids = ids, Now = now }, ct);

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

    /// <summary>Which of these addresses are connected team or help-desk mailboxes of the account (not people).</summary>
    public static async Task<IReadOnlySet<string>> GetSharedAmongAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct) =>
        addresses.Count == 0 ? new HashSet<string>() : (await connection.QueryAsync<string>(new CommandDefinition(
            MailboxSql.GetSharedMailboxAddresses, new { AccountId = accountId, Addresses = addresses }, cancellationToken: ct))).ToHashSet();
}
