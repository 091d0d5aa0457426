using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>A slice of the budget's window and the requests granted in it (properties: the engines' integer types differ).</summary>
public sealed record BudgetSlice
{
    public long Slice { get; init; }

    public int Requests { get; init; }
}

/// <summary>The mailbox's shared Graph slots (claimed under a lease) and request budget, as every instance sees them.</summary>
public sealed class MailboxGateStore(Db db) : IMailboxReferences
{
    public Task EnsureSlotsAsync(Guid mailboxId, int slots, CancellationToken ct) =>
        db.ExecuteAsync(MailboxGateSql.EnsureSlots.For(db.Provider), new { MailboxId = mailboxId, Slots = slots }, ct);

    /// <summary>The number of the slot now held by <paramref name="holder"/> until <paramref name="leaseUntil"/>, or null when all are taken.</summary>
    public async Task<int?> TryClaimAsync(Guid mailboxId, int slots, Guid holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await db.OpenForWriteAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            MailboxGateSql.Claim.For(db.Provider), new { MailboxId = mailboxId, Slots = slots, Holder = holder, Now = now, LeaseUntil = leaseUntil }, cancellationToken: ct));
    }

    /// <summary>False when the slot is no longer the holder's (its lease ran out and another instance took it).</summary>
    public async Task<bool> RenewAsync(Guid mailboxId, int slot, Guid holder, DateTimeOffset leaseUntil, CancellationToken ct) =>
        await db.ExecuteAsync(MailboxGateSql.Renew, new { MailboxId = mailboxId, Slot = slot, Holder = holder, LeaseUntil = leaseUntil }, ct) == 1;

    public Task ReleaseAsync(Guid mailboxId, int slot, Guid holder, CancellationToken ct) =>
        db.ExecuteAsync(MailboxGateSql.Release, new { MailboxId = mailboxId, Slot = slot, Holder = holder }, ct);

    /// <summary>
    /// Up to <paramref name="wanted"/> requests granted in <paramref name="slice"/>, as long as the slices from
    /// <paramref name="oldestSlice"/> on hold fewer than <paramref name="limit"/>; in one transaction, so two instances
    /// never grant the same headroom. The slices as they stand after the grant come back, to tell when it reopens.
    /// </summary>
    public async Task<(int Granted, IReadOnlyList<BudgetSlice> Slices)> GrantAsync(
        Guid mailboxId, long slice, long oldestSlice, int limit, int wanted, CancellationToken ct)
    {
        var key = new { MailboxId = mailboxId, OldestSlice = oldestSlice };
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var slices = (await connection.QueryAsync<BudgetSlice>(new CommandDefinition(MailboxGateSql.SlicesOfSpan.For(db.Provider), key, transaction, cancellationToken: ct))).AsList();
        var granted = Math.Clamp(limit - slices.Sum(row => row.Requests), 0, wanted);
        if (granted > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                MailboxGateSql.Grant.For(db.Provider), new { MailboxId = mailboxId, Slice = slice, Requests = granted }, transaction, cancellationToken: ct));
            var current = slices.FindIndex(row => row.Slice == slice);
            var updated = new BudgetSlice { Slice = slice, Requests = granted + (current >= 0 ? slices[current].Requests : 0) };
            if (current >= 0)
            {
                slices[current] = updated;
            }
            else
            {
                slices.Add(updated);
                // A new slice: those that fell out of the span go (at most once per slice and mailbox).
                await connection.ExecuteAsync(new CommandDefinition(MailboxGateSql.DeleteOldSlices, key, transaction, cancellationToken: ct));
            }
        }
        await transaction.CommitAsync(ct);
        return (granted, slices);
    }

    /// <summary>A disconnected mailbox's slots and budget go with it.</summary>
    public async Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct)
    {
        var mailbox = new { MailboxId = mailboxId };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(MailboxGateSql.DeleteSlotsOfMailbox, mailbox, transaction, cancellationToken: ct));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(MailboxGateSql.DeleteBudgetOfMailbox, mailbox, transaction, cancellationToken: ct));
    }
}
