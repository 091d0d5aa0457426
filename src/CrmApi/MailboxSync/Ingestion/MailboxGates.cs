using System.Collections.Concurrent;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// Per mailbox: at most N Graph requests at once (Outlook allows 4 per app and mailbox), and a "not before" after a 429
/// or 503 so no request goes out before Graph's Retry-After has passed.
/// </summary>
public sealed class MailboxGates(IngestionOptions options)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _slots = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _throttledUntil = new();

    public async Task<IDisposable> EnterAsync(Guid mailboxId, CancellationToken ct)
    {
        var slots = _slots.GetOrAdd(mailboxId, _ => new SemaphoreSlim(options.MaxConcurrentPerMailbox));
        await slots.WaitAsync(ct);
        return new Release(slots);
    }

    public DateTimeOffset? ThrottledUntil(Guid mailboxId, DateTimeOffset now) =>
        _throttledUntil.TryGetValue(mailboxId, out var until) && until > now ? until : null;

    public void Throttle(Guid mailboxId, DateTimeOffset until) =>
        _throttledUntil.AddOrUpdate(mailboxId, until, (_, current) => current > until ? current : until);

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
