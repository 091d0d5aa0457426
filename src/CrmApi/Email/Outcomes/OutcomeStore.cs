using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.Email.Outcomes;

public static class OutcomeKinds
{
    public const string Logged = "logged";
    public const string NotLogged = "notLogged";
}

/// <summary>What was decided for one message seen in one mailbox, and why: the pane's "logged / not logged + reason".</summary>
public sealed record MessageOutcome
{
    public required Guid AccountId { get; init; }
    public required string InternetMessageId { get; init; }
    public required Guid MailboxId { get; init; }
    public string? TrackingId { get; init; }
    public required string Outcome { get; init; }
    public required string Reason { get; init; }
    public Guid? EmailId { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}

/// <summary>What was decided for each message seen in a connected mailbox, and why.</summary>
public sealed class OutcomeStore(Db db) : IMailboxReferences, IAgedRows
{
    public Task SaveOutcomeAsync(MessageOutcome outcome, CancellationToken ct) => db.InTransactionAsync(transaction => SaveOutcomeAsync(transaction, outcome, ct), ct);

    public static async Task SaveOutcomeAsync(DbTransaction transaction, MessageOutcome outcome, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        if (await connection.ExecuteAsync(new CommandDefinition(OutcomeSql.UpdateOutcome, outcome, transaction, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(OutcomeSql.CreateOutcome, outcome, transaction, cancellationToken: ct));
        }
    }

    public async Task<IReadOnlyList<MessageOutcome>> GetOutcomesAsync(Guid accountId, string? internetMessageId, string? trackingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var (sql, parameters) = internetMessageId is not null
            ? (OutcomeSql.GetOutcomesByMessageId, (object)new { AccountId = accountId, InternetMessageId = internetMessageId })
            : (OutcomeSql.GetOutcomesByTrackingId, new { AccountId = accountId, TrackingId = trackingId });
        return (await connection.QueryAsync<MessageOutcome>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
    }

    /// <summary>A disconnected mailbox's decisions go with it.</summary>
    public Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(OutcomeSql.DeleteOutcomesOfMailbox, new { AccountId = accountId, Id = mailboxId }, transaction, cancellationToken: ct));

    public string Kind => "message outcomes";

    public TimeSpan KeptFor(HousekeepingOptions options) => options.OutcomesKeptFor;

    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(OutcomeSql.PurgeOld.For(db.Provider), new { Before = before, BatchSize = batchSize }, cancellationToken: ct));
    }
}
