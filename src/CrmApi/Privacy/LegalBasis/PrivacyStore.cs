using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>Settings, subscriptions, opt-outs, one-time bases and the audit trail. Every statement is account-scoped.</summary>
public sealed class PrivacyStore(Db db) : IRecordReferences
{
    public async Task<PrivacySettings> GetSettingsAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetSettingsAsync(connection, accountId, ct);
    }

    public static async Task<PrivacySettings> GetSettingsAsync(DbConnection connection, Guid accountId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<PrivacySettings>(
            new CommandDefinition(PrivacySql.GetSettings, new { AccountId = accountId }, cancellationToken: ct))
        ?? PrivacySettings.Default(accountId);

    public async Task<IReadOnlyList<string>> GetInternalDomainsAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(PrivacySql.GetInternalDomains, new { AccountId = accountId }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// What makes an address the account's own for the legal-basis rules: its internal domains, and which of these
    /// addresses are its users; on a caller's connection (and transaction, for erasure).
    /// </summary>
    public static async Task<(IReadOnlyList<string> Domains, IReadOnlySet<string> Users)> GetInternalAsync(
        DbConnection connection, DbTransaction? transaction, Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        var domains = (await connection.QueryAsync<string>(new CommandDefinition(
            PrivacySql.GetInternalDomains, new { AccountId = accountId }, transaction, cancellationToken: ct))).AsList();
        var users = addresses.Count == 0 ? [] : (await connection.QueryAsync<string>(new CommandDefinition(
            PrivacySql.GetUserAddresses, new { AccountId = accountId, Addresses = addresses }, transaction, cancellationToken: ct))).ToHashSet();
        return (domains, users);
    }

    /// <summary>Saves the settings and, when given, replaces the internal domains, in one transaction.</summary>
    public async Task SaveSettingsAsync(PrivacySettings settings, IReadOnlyList<string>? internalDomains, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(PrivacySql.UpdateSettings, settings, transaction, cancellationToken: ct));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateSettings, settings, transaction, cancellationToken: ct));
        }
        if (internalDomains is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.DeleteInternalDomains, new { settings.AccountId }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                PrivacySql.CreateInternalDomain, internalDomains.Select(domain => new { settings.AccountId, Domain = domain }), transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<SubscriptionTypeRow>> GetSubscriptionTypesAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SubscriptionTypeRow>(
            new CommandDefinition(PrivacySql.GetSubscriptionTypes, new { AccountId = accountId }, cancellationToken: ct))).AsList();
    }

    public async Task CreateSubscriptionTypeAsync(SubscriptionTypeRow type, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateSubscriptionType, type, cancellationToken: ct));
    }

    public async Task<bool> IsOptedOutAsync(Guid accountId, Guid contactId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var optOuts = await connection.QueryAsync<ContactOptOut>(new CommandDefinition(
            PrivacySql.GetOptOuts, new { AccountId = accountId, ContactIds = new[] { contactId } }, cancellationToken: ct));
        return optOuts.Any();
    }

    /// <summary>Creates or replaces the contact's subscription of that type, with its audit entry.</summary>
    public Task SaveSubscriptionAsync(ContactSubscription subscription, AuditEntry audit, CancellationToken ct) =>
        WithAuditAsync(audit, async (connection, transaction) =>
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(PrivacySql.UpdateSubscription, subscription, transaction, cancellationToken: ct));
            if (updated == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateSubscription, subscription, transaction, cancellationToken: ct));
            }
        }, ct);

    public Task SetOptOutAsync(ContactOptOut optOut, AuditEntry audit, CancellationToken ct) =>
        WithAuditAsync(audit, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateOptOut, optOut, transaction, cancellationToken: ct)), ct);

    public Task ClearOptOutAsync(Guid accountId, Guid contactId, AuditEntry audit, CancellationToken ct) =>
        WithAuditAsync(audit, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.DeleteOptOut, new { AccountId = accountId, ContactId = contactId }, transaction, cancellationToken: ct)), ct);

    public Task GrantOneTimeBasisAsync(OneTimeBasis basis, AuditEntry audit, CancellationToken ct) =>
        WithAuditAsync(audit, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateOneTimeBasis, basis, transaction, cancellationToken: ct)), ct);

    // A change and the audit entry that records it commit together or not at all.
    private async Task WithAuditAsync(AuditEntry audit, Func<DbConnection, DbTransaction, Task> change, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await change(connection, transaction);
        await connection.ExecuteAsync(new CommandDefinition(PrivacySql.AppendAudit, audit, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The one-time bases given for this email (its tracking id) that no send check consumed — the on-send check did not
    /// run, e.g. a client without Smart Alerts: the logged send consumes them, each with its audit entry.
    /// </summary>
    public static async Task<int> ConsumeReservedBasesAsync(DbTransaction transaction, Guid accountId, string trackingId, Guid? actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var bases = (await transaction.Connection!.QueryAsync<OneTimeBasis>(new CommandDefinition(
            PrivacySql.GetBasesReservedFor, new { AccountId = accountId, TrackingId = trackingId }, transaction, cancellationToken: ct))).AsList();
        var used = 0;
        foreach (var basis in bases)
        {
            used += await AuditStore.TryUseBasisAsync(transaction, basis, trackingId, actorUserId, now, ct) ? 1 : 0;
        }
        return used;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid accountId, Guid contactId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AuditEntry>(
            new CommandDefinition(PrivacySql.GetAudit, new { AccountId = accountId, ContactId = contactId }, cancellationToken: ct))).AsList();
    }

    /// <summary>A deleted contact's legal-basis rows go with it; its audit trail stays (append-only, no foreign key).</summary>
    public async Task DeleteOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct)
    {
        var owner = new { AccountId = accountId, RecordId = recordId };
        foreach (var sql in ContactRowsSql.Delete)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, owner, transaction, cancellationToken: ct));
        }
    }

    /// <summary>The legal-basis rows a deletion would take: subscriptions, the opt-out, one-time bases.</summary>
    public async Task<RecordReferenceCount> CountOfRecordAsync(DbTransaction transaction, Guid accountId, Guid recordId, CancellationToken ct)
    {
        var owner = new { AccountId = accountId, RecordId = recordId };
        var count = 0;
        foreach (var sql in ContactRowsSql.Count)
        {
            count += await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(sql, owner, transaction, cancellationToken: ct));
        }
        return new RecordReferenceCount("legalBasisRows", count);
    }
}
