using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>The pane's log intents; expired ones are trimmed by housekeeping.</summary>
public sealed class LogIntentStore(Db db) : IAgedRows
{
    public async Task<LogIntent?> GetAsync(Guid accountId, string trackingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LogIntent>(new CommandDefinition(
            LogIntentSql.Get, new { AccountId = accountId, TrackingId = trackingId }, cancellationToken: ct));
    }

    /// <summary>Creates the intent or replaces what it says (the pane updates it as the rep changes associations).</summary>
    public async Task SaveAsync(LogIntent intent, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.Update, intent, transaction, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.Create, intent, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Creates the intent unless the item has one already (the pane got there first: its choice stands), and returns
    /// the one the item has.
    /// </summary>
    public async Task<LogIntent> CreateUnlessPresentAsync(LogIntent intent, CancellationToken ct)
    {
        try
        {
            await using var connection = await db.OpenForWriteAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var existing = await connection.QuerySingleOrDefaultAsync<LogIntent>(new CommandDefinition(
                LogIntentSql.Get, new { intent.AccountId, intent.TrackingId }, transaction, cancellationToken: ct));
            if (existing is not null)
            {
                return existing;
            }
            await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.Create, intent, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
            return intent;
        }
        catch (DbException)
        {
            // Created by the pane between the read and the insert (SQL Server; SQLite's writers queue).
            if (await GetAsync(intent.AccountId, intent.TrackingId, ct) is not { } raced)
            {
                throw;
            }
            return raced;
        }
    }

    /// <summary>Links the intent to the email logged from it, in the caller's transaction (the one that logs it).</summary>
    public static async Task SetEmailAsync(DbTransaction transaction, Guid accountId, string trackingId, Guid emailId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            LogIntentSql.SetEmail, new { AccountId = accountId, TrackingId = trackingId, EmailId = emailId }, transaction, cancellationToken: ct));

    public string Kind => "expired log intents";

    public TimeSpan KeptFor(HousekeepingOptions options) => options.ExpiredIntentsKeptFor;

    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.PurgeExpired.For(db.Provider), new { Before = before, BatchSize = batchSize }, cancellationToken: ct));
    }
}
