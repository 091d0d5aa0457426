using System.Data.Common;
using Dapper;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// Emails a never-log purge took off the timelines, kept aside (not shown, not matched, not searched) so the purge can
/// be undone for a while. Each method runs in the caller's transaction.
/// </summary>
public static class EmailTrashStore
{
    public static async Task MoveOutAsync(DbTransaction transaction, Guid accountId, Guid purgeId, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        foreach (var batch in emailIds.Chunk(500))
        {
            foreach (var sql in EmailTrashSql.MoveOut)
            {
                await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { AccountId = accountId, PurgeId = purgeId, EmailIds = batch }, transaction, cancellationToken: ct));
            }
        }
        await EmailStore.DeleteManyAsync(transaction, accountId, emailIds, ct);
    }

    /// <summary>Puts the purge's emails back, except those logged again since; the purge's kept rows go. The number restored.</summary>
    public static async Task<int> RestoreAsync(DbTransaction transaction, Guid accountId, Guid purgeId, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, PurgeId = purgeId };
        var restored = await transaction.Connection!.ExecuteAsync(new CommandDefinition(EmailTrashSql.RestoreEmails, parameters, transaction, cancellationToken: ct));
        foreach (var sql in EmailTrashSql.RestoreRows)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        }
        await DeletePurgeAsync(transaction, accountId, purgeId, ct);
        return restored;
    }

    public static async Task DeletePurgeAsync(DbTransaction transaction, Guid accountId, Guid purgeId, CancellationToken ct)
    {
        foreach (var sql in EmailTrashSql.DeletePurge)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { AccountId = accountId, PurgeId = purgeId }, transaction, cancellationToken: ct));
        }
    }

    public static async Task<int> CountOfAddressesAsync(DbTransaction transaction, Guid accountId, IReadOnlyList<string> normalizedAddresses, CancellationToken ct) =>
        normalizedAddresses.Count == 0 ? 0 : await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            EmailTrashSql.CountOfAddresses, new { AccountId = accountId, Addresses = normalizedAddresses }, transaction, cancellationToken: ct));

    public static async Task DeleteOfAddressAsync(DbTransaction transaction, Guid accountId, string normalizedAddress, CancellationToken ct)
    {
        foreach (var sql in EmailTrashSql.DeleteOfAddress)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { AccountId = accountId, Address = normalizedAddress }, transaction, cancellationToken: ct));
        }
    }
}
