using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.AddressChoices;

public sealed record AddressChoice
{
    public required string AddressNormalized { get; init; }
    public required Guid ContactId { get; init; }
}

/// <summary>Each rep's pick among the contacts that share an address.</summary>
public sealed class AddressChoiceStore(Db db, TimeProvider clock) : IRecordReferences
{
    public async Task<IReadOnlyDictionary<string, Guid>> GetManyAsync(Guid accountId, Guid userId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }
        await using var connection = await db.OpenAsync(ct);
        return await GetManyAsync(connection, accountId, userId, addresses, ct);
    }

    /// <summary>The same on a caller's connection (lookup reads the choices beside the contacts).</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> GetManyAsync(DbConnection connection, Guid accountId, Guid userId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        var choices = await connection.QueryAsync<AddressChoice>(new CommandDefinition(
            AddressChoiceSql.GetMany, new { AccountId = accountId, UserId = userId, Addresses = addresses }, cancellationToken: ct));
        return choices.ToDictionary(choice => choice.AddressNormalized, choice => choice.ContactId);
    }

    public async Task SaveAsync(Guid accountId, Guid userId, string addressNormalized, Guid contactId, CancellationToken ct)
    {
        var choice = new { AccountId = accountId, UserId = userId, AddressNormalized = addressNormalized, ContactId = contactId, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(AddressChoiceSql.Update, choice, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(AddressChoiceSql.Create, choice, cancellationToken: ct));
        }
    }

    /// <summary>A rep's choice of a deleted contact for a shared address is forgotten.</summary>
    public async Task DeleteOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AddressChoiceSql.DeleteOfContact, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct));

    public async Task<RecordReferenceCount> CountOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct) =>
        new("addressChoices", await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            AddressChoiceSql.CountOfContact, new { AccountId = accountId, RecordId = recordId }, transaction, cancellationToken: ct)));
}
