using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>The account's suppression list: the hash of every address erased at the person's request.</summary>
public sealed class SuppressedAddressStore(Db db)
{
    /// <summary>Which of these address hashes are on the list.</summary>
    public async Task<IReadOnlySet<string>> GetErasedHashesAsync(Guid accountId, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        if (hashes.Count == 0)
        {
            return new HashSet<string>();
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            ErasureSql.GetErasedHashes, new { AccountId = accountId, Hashes = hashes }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>Adds the hashes inside the erasure's transaction; a hash already there stays once.</summary>
    public static async Task AddAsync(DbTransaction transaction, Guid accountId, IEnumerable<string> hashes, DateTimeOffset erasedAt, CancellationToken ct)
    {
        foreach (var hash in hashes)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(ErasureSql.CreateErasedAddress,
                new { AccountId = accountId, AddressHash = hash, ErasedAt = erasedAt }, transaction, cancellationToken: ct));
        }
    }
}
