using Dapper;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.NeverLog;

public static class NeverLogKinds
{
    public const string Address = "address";
    public const string Domain = "domain";
}

public sealed record NeverLogEntry
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    /// <summary>Null for the account's list; a user's id for their personal list.</summary>
    public Guid? UserId { get; init; }
    public required string Kind { get; init; }
    public required string Value { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// An address entry matches that address; a domain entry matches the domain and its subdomains. Entries and
    /// addresses are both normalised (<see cref="EmailAddresses"/>), so <c>bücher.de</c> blocks <c>x@xn--bcher-kva.de</c>.
    /// </summary>
    public bool Matches(string normalizedAddress)
    {
        if (Kind == NeverLogKinds.Address)
        {
            return normalizedAddress == Value;
        }
        var domain = EmailAddresses.DomainOf(normalizedAddress);
        return domain == Value || domain.EndsWith("." + Value, StringComparison.Ordinal);
    }
}

/// <summary>Never-log entries and the purge of what was already logged for them.</summary>
public sealed class NeverLogStore(Db db)
{
    public async Task<IReadOnlyList<Guid>> GetEmailsMatchingAsync(Guid accountId, NeverLogEntry entry, CancellationToken ct)
    {
        var isDomain = entry.Kind == NeverLogKinds.Domain;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(NeverLogSql.GetEmailsOfAddress, new
        {
            AccountId = accountId,
            Address = isDomain ? "" : entry.Value,
            AtDomain = isDomain ? $"%@{SqlLike.Escape(entry.Value)}" : "",
            DotDomain = isDomain ? $"%.{SqlLike.Escape(entry.Value)}" : "",
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>Adds the entry and deletes the emails it matches, in one transaction.</summary>
    public async Task CreateAndPurgeAsync(NeverLogEntry entry, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(NeverLogSql.Create, entry, transaction, cancellationToken: ct));
        await EmailStore.DeleteManyAsync(transaction, entry.AccountId, emailIds, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Removes one of the user's own entries, or an account entry when <paramref name="mayRemoveAccountEntries"/> (an admin).</summary>
    public async Task<bool> DeleteAsync(Guid accountId, Guid userId, Guid id, bool mayRemoveAccountEntries, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            NeverLogSql.Delete, new { AccountId = accountId, UserId = userId, Id = id, MayRemoveAccountEntries = mayRemoveAccountEntries }, cancellationToken: ct)) > 0;
    }

    public async Task<Guid?> GetUserIdByEmailAsync(Guid accountId, string normalizedEmail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            NeverLogSql.GetUserIdByEmail, new { AccountId = accountId, Email = normalizedEmail }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<NeverLogEntry>> GetNeverLogAsync(Guid accountId, Guid? userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<NeverLogEntry>(new CommandDefinition(
            NeverLogSql.GetNeverLog, new { AccountId = accountId, UserId = userId }, cancellationToken: ct))).AsList();
    }
}
