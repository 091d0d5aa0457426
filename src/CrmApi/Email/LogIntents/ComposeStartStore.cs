using Dapper;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>Starts waiting for their new message; claimed once, and trimmed by housekeeping a day after.</summary>
public sealed class ComposeStartStore(Db db) : IAgedRows
{
    /// <summary>
    /// How long a start waits for its message's launch event or pane. Outlook runs the launch event as the form opens,
    /// so seconds are enough there; an hour covers a client without launch events whose rep opens the pane late.
    /// </summary>
    public static readonly TimeSpan ClaimableFor = TimeSpan.FromHours(1);

    public async Task CreateAsync(ComposeStart start, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ComposeStartSql.Create, start, cancellationToken: ct));
    }

    /// <summary>The user's newest start for these recipients, taken (deleted) so no other message gets it; null when none.</summary>
    public async Task<ComposeStart?> ClaimAsync(Guid accountId, Guid userId, string recipientsKey, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var start = await connection.QuerySingleOrDefaultAsync<ComposeStart>(new CommandDefinition(ComposeStartSql.Newest.For(db.Provider),
            new { AccountId = accountId, UserId = userId, RecipientsKey = recipientsKey, Since = since }, transaction, cancellationToken: ct));
        if (start is null || await connection.ExecuteAsync(new CommandDefinition(ComposeStartSql.Delete, new { AccountId = accountId, start.Id }, transaction, cancellationToken: ct)) == 0)
        {
            return null;
        }
        await transaction.CommitAsync(ct);
        return start;
    }

    public string Kind => "unclaimed compose starts";

    public TimeSpan KeptFor(HousekeepingOptions options) => TimeSpan.FromDays(1);

    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ComposeStartSql.PurgeOld.For(db.Provider), new { Before = before, BatchSize = batchSize }, cancellationToken: ct));
    }
}
