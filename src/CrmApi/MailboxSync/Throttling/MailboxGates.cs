using System.Collections.Concurrent;

namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// Every Graph request to a mailbox passes here. Outlook allows an app 4 concurrent requests and 10,000 requests per
/// 10 minutes per mailbox (learn.microsoft.com/graph/throttling-limits, "Outlook service limits"), counted over all of
/// the app's instances: the local semaphore caps this instance (so its requests queue without a round trip), the
/// shared slots and budget cap all instances together, and a 429 or 503's Retry-After holds this instance's requests.
/// </summary>
public sealed class MailboxGates(MailboxLimits limits, SharedSlots slots, RequestBudget budget, TimeProvider clock)
{
    public const string WaitingForRetryAfter = "waiting for Graph's Retry-After";
    public const string BudgetSpent = "over the mailbox's Graph request budget";

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _local = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _throttledUntil = new();

    /// <summary>
    /// A slot of the mailbox's (waiting for one as long as it takes) and one request of its budget; or, without either,
    /// when to come back. The slot comes first, so the budget is spent just before the request goes out.
    /// </summary>
    public async Task<MailboxPass> EnterAsync(Guid mailboxId, CancellationToken ct)
    {
        var local = _local.GetOrAdd(mailboxId, _ => new SemaphoreSlim(limits.Concurrent));
        await local.WaitAsync(ct);
        if (ThrottledUntil(mailboxId, clock.GetUtcNow()) is { } until)
        {
            local.Release();
            return MailboxPass.Wait(until, WaitingForRetryAfter);
        }
        HeldSlot? slot = null;
        MailboxPass? wait;
        try
        {
            slot = await slots.ClaimAsync(mailboxId, ct);
            wait = await WaitAsync(mailboxId, ct);
        }
        catch
        {
            if (slot is not null)
            {
                await slots.ReturnAsync(slot);
            }
            local.Release();
            throw;
        }
        if (wait is not null)
        {
            await slots.ReturnAsync(slot);
            local.Release();
            return wait;
        }
        return MailboxPass.Entered(async () =>
        {
            await slots.ReturnAsync(slot);
            local.Release();
        });
    }

    /// <summary>With a slot held: a Retry-After that arrived while this request queued, or a spent budget; null to go.</summary>
    private async Task<MailboxPass?> WaitAsync(Guid mailboxId, CancellationToken ct)
    {
        if (ThrottledUntil(mailboxId, clock.GetUtcNow()) is { } until)
        {
            return MailboxPass.Wait(until, WaitingForRetryAfter);
        }
        if (await budget.SpendAsync(mailboxId, ct) is not { } reopens)
        {
            return null;
        }
        return MailboxPass.Wait(reopens, BudgetSpent);
    }

    public DateTimeOffset? ThrottledUntil(Guid mailboxId, DateTimeOffset now) =>
        _throttledUntil.TryGetValue(mailboxId, out var until) && until > now ? until : null;

    public void Throttle(Guid mailboxId, DateTimeOffset until) =>
        _throttledUntil.AddOrUpdate(mailboxId, until, (_, current) => current > until ? current : until);
}
