using Dapper;
using OutlookCrm.CrmApi.Data;

namespace OutlookCrm.CrmApi.LogIntents;

public sealed class LogIntentStore(Db db)
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
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.Update, intent, transaction, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LogIntentSql.Create, intent, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    public async Task SetEmailAsync(Guid accountId, string trackingId, Guid emailId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            LogIntentSql.SetEmail, new { AccountId = accountId, TrackingId = trackingId, EmailId = emailId }, cancellationToken: ct));
    }
}
