namespace OutlookCrm.CrmApi.MailboxSync.FlowCounters;

/// <summary>One mailbox's hour of mail flow: what the overview reads, and what each event adds to.</summary>
public sealed record FlowHour
{
    public required Guid AccountId { get; init; }
    public required Guid MailboxId { get; init; }

    /// <summary>Hours since 1970-01-01 UTC (<see cref="UtcHours"/>).</summary>
    public required long UtcHour { get; init; }
    public long Notifications { get; init; }
    public long EmailsLogged { get; init; }
    public long Processed { get; init; }
    public long Lag1s { get; init; }
    public long Lag5s { get; init; }
    public long Lag15s { get; init; }
    public long Lag1m { get; init; }
    public long Lag5m { get; init; }
    public long Lag15m { get; init; }
    public long Lag1h { get; init; }
    public long Lag4h { get; init; }
    public long LagMore { get; init; }

    /// <summary>Emails sent from this mailbox that needed a legal basis and went without the send check (one per email).</summary>
    public long SentWithoutCheck { get; init; }

    /// <summary>The lag histogram in the order of <see cref="LagBuckets.UpperBounds"/>.</summary>
    public long[] Lags => [Lag1s, Lag5s, Lag15s, Lag1m, Lag5m, Lag15m, Lag1h, Lag4h, LagMore];

    public static FlowHour Notified(Guid accountId, Guid mailboxId, DateTimeOffset at, long count) =>
        new() { AccountId = accountId, MailboxId = mailboxId, UtcHour = UtcHours.Of(at), Notifications = count };

    public static FlowHour Logged(Guid accountId, Guid mailboxId, DateTimeOffset at) =>
        new() { AccountId = accountId, MailboxId = mailboxId, UtcHour = UtcHours.Of(at), EmailsLogged = 1 };

    public static FlowHour SentWithoutACheck(Guid accountId, Guid mailboxId, DateTimeOffset at) =>
        new() { AccountId = accountId, MailboxId = mailboxId, UtcHour = UtcHours.Of(at), SentWithoutCheck = 1 };

    /// <summary>Messages the worker finished this hour, with their lags.</summary>
    public static FlowHour Finished(Guid accountId, Guid mailboxId, DateTimeOffset at, IEnumerable<TimeSpan> lags)
    {
        var buckets = new long[LagBuckets.Count];
        foreach (var lag in lags)
        {
            buckets[LagBuckets.Of(lag)]++;
        }
        return new()
        {
            AccountId = accountId,
            MailboxId = mailboxId,
            UtcHour = UtcHours.Of(at),
            Processed = buckets.Sum(),
            Lag1s = buckets[0],
            Lag5s = buckets[1],
            Lag15s = buckets[2],
            Lag1m = buckets[3],
            Lag5m = buckets[4],
            Lag15m = buckets[5],
            Lag1h = buckets[6],
            Lag4h = buckets[7],
            LagMore = buckets[8],
        };
    }
}

/// <summary>Hours since 1970-01-01 UTC: a counter row's key, the same number on both databases.</summary>
public static class UtcHours
{
    public static long Of(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    public static DateTimeOffset Start(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);
}
