using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.NeverLog;

public sealed record NeverLogRestored(Guid EntryId, string Value, int Restored);

/// <summary>
/// Adding an entry with its purge, undoing it, and the end of a purge's 30 days: each in one transaction with its line
/// in the account audit (who, what, how many).
/// </summary>
public sealed class NeverLogPurges(NeverLogStore store, AccountAudit audit, Db db, TimeProvider clock)
{
    public async Task<DateTimeOffset?> AddAsync(CurrentUser user, NeverLogEntry entry, IReadOnlyList<Guid> emailIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var purge = emailIds.Count == 0 ? null : new NeverLogPurge
        {
            Id = clock.NewId(),
            AccountId = entry.AccountId,
            NeverLogId = entry.Id,
            UserId = entry.UserId,
            Value = entry.Value,
            EmailCount = emailIds.Count,
            PurgedAt = now,
            RestorableUntil = now + NeverLogPurge.RestorableFor,
        };
        await db.InTransactionAsync(async transaction =>
        {
            await NeverLogStore.CreateAsync(transaction, entry, ct);
            if (purge is not null)
            {
                await NeverLogStore.PurgeAsync(transaction, purge, emailIds, ct);
            }
            await audit.RecordAsync(transaction, audit.Entry(user, AuditActions.NeverLogAdded, Describe(entry), count: emailIds.Count), ct);
        }, ct);
        return purge?.RestorableUntil;
    }

    /// <summary>Undoes an entry: its purged emails come back (those not logged again since) and the entry goes.</summary>
    public async Task<Outcome<NeverLogRestored>> RestoreAsync(CurrentUser user, Guid entryId, CancellationToken ct)
    {
        var purge = await store.GetOpenPurgeAsync(user.AccountId, entryId, ct);
        // Another rep's personal purge is not theirs to see: the same answer as no purge at all.
        if (purge is null || (purge.UserId is { } owner && owner != user.UserId && !user.IsAdmin))
        {
            return Outcome<NeverLogRestored>.NotFound("id", "There is no purge of yours to restore for this entry (an entry that removed nothing is removed with DELETE).");
        }
        if (purge.UserId is null && !user.IsAdmin)
        {
            return Outcome<NeverLogRestored>.Forbidden("Only a CRM admin (Crm.Admin) can restore what an account-wide entry removed.");
        }
        var now = clock.GetUtcNow();
        if (purge.RestorableUntil <= now)
        {
            return Outcome<NeverLogRestored>.Invalid("id", $"This purge could be restored until {purge.RestorableUntil:u}; its emails are deleted for good.");
        }
        var restored = 0;
        await db.InTransactionAsync(async transaction =>
        {
            restored = await NeverLogStore.RestoreAsync(transaction, purge, now, ct);
            await audit.RecordAsync(transaction, audit.Entry(user, AuditActions.NeverLogRestored, $"{(purge.UserId is null ? "account" : "personal")} {purge.Value}", count: restored), ct);
        }, ct);
        return Outcome<NeverLogRestored>.Done(new NeverLogRestored(entryId, purge.Value, restored));
    }

    /// <summary>The retention sweep's part: purges past their 30 days lose their emails for good. The number of purges ended.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        var expired = await store.GetExpiredPurgesAsync(now, batchSize, ct);
        foreach (var purge in expired)
        {
            await db.InTransactionAsync(async transaction =>
            {
                await NeverLogStore.ExpireAsync(transaction, purge, ct);
                await audit.RecordAsync(transaction, audit.Entry(purge.AccountId, null, AccountAudit.System, AuditActions.PurgeExpired,
                    $"{(purge.UserId is null ? "account" : "personal")} {purge.Value}", count: purge.EmailCount), ct);
            }, ct);
        }
        return expired.Count;
    }

    public static string Describe(NeverLogEntry entry) => $"{(entry.UserId is null ? "account" : "personal")} {entry.Kind} {entry.Value}";
}
