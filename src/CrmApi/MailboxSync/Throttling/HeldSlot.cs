namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// One of a mailbox's shared slots as this instance holds it: claimed at <see cref="ClaimedAt"/> under a lease that a
/// loop renews until the slot is given back, so a long Graph call keeps it and a dead instance's slot runs out.
/// </summary>
public sealed class HeldSlot(Guid mailboxId, int slot, Guid holder, DateTimeOffset claimedAt) : IDisposable
{
    private readonly CancellationTokenSource _held = new();

    public Guid MailboxId { get; } = mailboxId;

    public int Slot { get; } = slot;

    /// <summary>Unique to this claim: a renewal or release by a holder whose lease ran out (and was taken) changes nothing.</summary>
    public Guid Holder { get; } = holder;

    public DateTimeOffset ClaimedAt { get; } = claimedAt;

    /// <summary>Set when a renewal found the slot taken by another instance: it is not used again.</summary>
    public bool Lost { get; set; }

    /// <summary>Counts the times it was set aside for reuse; a linger that finds it changed since leaves it.</summary>
    public int Returns { get; set; }

    public CancellationToken WhileHeld => _held.Token;

    /// <summary>Stops the renewals: the slot is being given back.</summary>
    public void Dispose()
    {
        _held.Cancel();
        _held.Dispose();
    }
}
