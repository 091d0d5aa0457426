using System.Collections.Concurrent;
using System.Data.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// The mailbox's concurrency slots shared by every instance through the database. A request claims a free slot (one
/// round trip); a slot just given back lingers a moment for this instance's next request, so a burst costs a round trip
/// per slot and second rather than per request. While every slot is taken elsewhere, the claim is retried with backoff.
/// </summary>
public sealed class SharedSlots(MailboxGateStore store, MailboxLimits limits, TimeProvider clock, ILogger<SharedSlots> logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<Guid, Task> _ensured = new();
    private readonly ConcurrentDictionary<Guid, List<HeldSlot>> _idle = new();
    // Lingers and renewals run in the background; at shutdown they stop and are waited for, so none writes afterwards.
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();
    private volatile bool _disposed;

    public async Task<HeldSlot> ClaimAsync(Guid mailboxId, CancellationToken ct)
    {
        if (TakeIdle(mailboxId) is { } idle)
        {
            return idle;
        }
        await EnsureSlotsAsync(mailboxId);
        var checkedAgain = false;
        for (var retry = FirstRetry; ; retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks)))
        {
            if (retry == LastRetry && !checkedAgain)
            {
                // Long busy: once, make sure the rows are there (a disconnect deletes them while this process remembers them).
                checkedAgain = true;
                _ensured.TryRemove(mailboxId, out _);
                await EnsureSlotsAsync(mailboxId);
            }
            var now = clock.GetUtcNow();
            var holder = Guid.CreateVersion7();
            if (await store.TryClaimAsync(mailboxId, limits.Concurrent, holder, now, now + limits.SlotLease, ct) is { } number)
            {
                var held = new HeldSlot(mailboxId, number, holder, now);
                InBackground(stopping => RenewWhileHeldAsync(held, stopping));
                return held;
            }
            // Jitter, so instances waiting for the same mailbox do not ask in step.
            await Task.Delay(retry * (0.5 + Random.Shared.NextDouble()), clock, ct);
        }
    }

    /// <summary>The mailbox's slot rows, made once per process; a failure is not remembered, the next claim tries again.</summary>
    private async Task EnsureSlotsAsync(Guid mailboxId)
    {
        var ensured = _ensured.GetOrAdd(mailboxId, id => store.EnsureSlotsAsync(id, limits.Concurrent, CancellationToken.None));
        try
        {
            await ensured;
        }
        catch
        {
            _ensured.TryRemove(KeyValuePair.Create(mailboxId, ensured));
            throw;
        }
    }

    /// <summary>Back after its request: kept for reuse while fresh (see <see cref="MailboxLimits.MaxHold"/>), else given back.</summary>
    public async ValueTask ReturnAsync(HeldSlot slot)
    {
        if (slot.Lost || clock.GetUtcNow() - slot.ClaimedAt >= limits.MaxHold || _stopping.IsCancellationRequested)
        {
            await ReleaseAsync(slot);
            return;
        }
        int returns;
        var idle = _idle.GetOrAdd(slot.MailboxId, _ => []);
        lock (idle)
        {
            returns = ++slot.Returns;
            idle.Add(slot);
        }
        InBackground(stopping => ReleaseAfterLingerAsync(slot, returns, stopping));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_background.Keys);
        foreach (var idle in _idle.Values)
        {
            List<HeldSlot> slots;
            lock (idle)
            {
                slots = [.. idle];
                idle.Clear();
            }
            foreach (var slot in slots)
            {
                await ReleaseAsync(slot);
            }
        }
        _disposed = true;
    }

    private HeldSlot? TakeIdle(Guid mailboxId)
    {
        if (!_idle.TryGetValue(mailboxId, out var idle))
        {
            return null;
        }
        lock (idle)
        {
            var fresh = idle.FindLastIndex(slot => !slot.Lost && clock.GetUtcNow() - slot.ClaimedAt < limits.MaxHold);
            if (fresh < 0)
            {
                return null;
            }
            var slot = idle[fresh];
            idle.RemoveAt(fresh);
            return slot;
        }
    }

    private void InBackground(Func<CancellationToken, Task> work)
    {
        var task = work(_stopping.Token);
        _background[task] = true;
        _ = task.ContinueWith(done => _background.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task ReleaseAfterLingerAsync(HeldSlot slot, int returns, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(limits.Linger, clock, stopping);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the slots still set aside are given back together.
            return;
        }
        var idle = _idle[slot.MailboxId];
        lock (idle)
        {
            // Taken again meanwhile (and perhaps set aside again): that use's linger decides.
            if (slot.Returns != returns || !idle.Remove(slot))
            {
                return;
            }
        }
        await ReleaseAsync(slot);
    }

    private async Task RenewWhileHeldAsync(HeldSlot slot, CancellationToken stopping)
    {
        var every = limits.SlotLease / 3;
        using var whileHeld = CancellationTokenSource.CreateLinkedTokenSource(slot.WhileHeld, stopping);
        var held = whileHeld.Token;
        try
        {
            while (true)
            {
                await Task.Delay(every, clock, held);
                if (!await store.RenewAsync(slot.MailboxId, slot.Slot, slot.Holder, clock.GetUtcNow() + limits.SlotLease, held))
                {
                    slot.Lost = true;
                    logger.LogWarning("Graph slot {Slot} of mailbox {MailboxId} was taken over after its lease ran out", slot.Slot, slot.MailboxId);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Given back, or shutting down.
        }
        catch (DbException error)
        {
            // The lease runs out on its own; the slot is not reused.
            slot.Lost = true;
            logger.LogWarning("Could not renew Graph slot {Slot} of mailbox {MailboxId}: {Error}", slot.Slot, slot.MailboxId, error.GetType().Name);
        }
    }

    private async Task ReleaseAsync(HeldSlot slot)
    {
        slot.Dispose();
        if (_disposed)
        {
            return; // A request that outlived the host (its database may be gone): the lease runs out instead.
        }
        try
        {
            await store.ReleaseAsync(slot.MailboxId, slot.Slot, slot.Holder, CancellationToken.None);
        }
        catch (DbException error)
        {
            logger.LogWarning("Could not give back Graph slot {Slot} of mailbox {MailboxId}: {Error}", slot.Slot, slot.MailboxId, error.GetType().Name);
        }
    }
}
