using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.MailboxSync.FlowCounters;

/// <summary>
/// The hourly mail-flow counters of each mailbox. Each event adds to them in the transaction that makes the event
/// happen (the intake's insert, the email's logging, the worker's completion), so a counter never runs ahead of or
/// behind what it counts.
/// </summary>
public sealed class FlowCounterStore(Db db) : IMailboxReferences, IAgedRows
{
    /// <summary>Adds each row's counts to its hour, in the caller's transaction.</summary>
    public static async Task AddAsync(DbTransaction transaction, DatabaseProvider provider, IReadOnlyCollection<FlowHour> rows, CancellationToken ct)
    {
        if (rows.Count > 0)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(FlowCounterSql.Add.For(provider), rows, transaction, cancellationToken: ct));
        }
    }

    public Task<IReadOnlyList<FlowHour>> GetOfAccountSinceAsync(Guid accountId, long fromHour, CancellationToken ct) =>
        db.ManyAsync<FlowHour>(FlowCounterSql.GetOfAccountSince, new { AccountId = accountId, FromHour = fromHour }, ct);

    /// <summary>One mailbox's sends without a legal-basis check from an hour on (<see cref="UtcHours"/>).</summary>
    public async Task<long> SumSentWithoutCheckSinceAsync(Guid accountId, Guid mailboxId, long fromHour, CancellationToken ct) =>
        await db.SingleAsync<long>(FlowCounterSql.SumSentWithoutCheckSince, new { AccountId = accountId, MailboxId = mailboxId, FromHour = fromHour }, ct);

    /// <summary>A disconnected mailbox's counters go with it.</summary>
    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            FlowCounterSql.DeleteOfMailbox, new { AccountId = accountId, MailboxId = mailboxId }, transaction, cancellationToken: ct));

    public string Kind => "mail flow hours";

    public TimeSpan KeptFor(HousekeepingOptions options) => options.FlowCountersKeptFor;

    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            FlowCounterSql.PurgeBefore.For(db.Provider), new { BeforeHour = UtcHours.Of(before), BatchSize = batchSize }, cancellationToken: ct));
    }
}
