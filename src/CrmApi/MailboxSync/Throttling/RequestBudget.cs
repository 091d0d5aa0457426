using System.Collections.Concurrent;

namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// The mailbox's request budget shared by every instance: Outlook allows 10,000 requests per 10 minutes per app and
/// mailbox (learn.microsoft.com/graph/throttling-limits), and answers 429 past it. The window is counted in slices of a
/// tenth; a request is granted only while the slices of the last window, the current one and one more hold fewer than
/// the limit, so no window of Graph's, wherever it starts and whatever the clock skew or time on the wire (under a
/// slice), sees more. An instance takes a few requests at a time from the shared count and spends them locally.
/// </summary>
public sealed class RequestBudget(MailboxGateStore store, MailboxLimits limits, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Tokens> _tokens = new();

    /// <summary>Null when one request may go now; otherwise when the budget opens again.</summary>
    public async Task<DateTimeOffset?> SpendAsync(Guid mailboxId, CancellationToken ct)
    {
        var tokens = _tokens.GetOrAdd(mailboxId, _ => new Tokens());
        await tokens.Turn.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var slice = SliceOf(now);
            if (tokens.Slice == slice && tokens.Left > 0)
            {
                tokens.Left--;
                return null;
            }
            if (tokens.ClosedUntil > now)
            {
                // Known to be spent: no round trip until it opens again.
                return tokens.ClosedUntil;
            }
            var oldest = slice - MailboxLimits.SlicesPerWindow - 1;
            var (granted, slices) = await store.GrantAsync(mailboxId, slice, oldest, limits.RequestBudget, limits.GrantChunk, ct);
            if (granted > 0)
            {
                tokens.Slice = slice;
                tokens.Left = granted - 1;
                return null;
            }
            tokens.ClosedUntil = ReopensAt(slices, slice);
            return tokens.ClosedUntil;
        }
        finally
        {
            tokens.Turn.Release();
        }
    }

    /// <summary>The start of the first slice whose span holds fewer than the limit, had nobody asked meanwhile.</summary>
    private DateTimeOffset ReopensAt(IReadOnlyList<BudgetSlice> slices, long current)
    {
        var span = MailboxLimits.SlicesPerWindow + 1;
        for (var slice = current + 1; slice <= current + span; slice++)
        {
            if (slices.Where(row => row.Slice >= slice - span).Sum(row => row.Requests) < limits.RequestBudget)
            {
                return StartOf(slice);
            }
        }
        return StartOf(current + span + 1);
    }

    private long SliceOf(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / (long)limits.SliceLength.TotalMilliseconds;

    private DateTimeOffset StartOf(long slice) => DateTimeOffset.FromUnixTimeMilliseconds(slice * (long)limits.SliceLength.TotalMilliseconds);

    private sealed class Tokens
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long Slice { get; set; } = -1;

        public int Left { get; set; }

        public DateTimeOffset ClosedUntil { get; set; }
    }
}
