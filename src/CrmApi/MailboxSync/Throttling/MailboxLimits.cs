namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// Outlook's limits per app and mailbox (learn.microsoft.com/graph/throttling-limits, "Outlook service limits": 4
/// concurrent requests, 10,000 requests in a 10-minute period), as this deployment keeps them across its instances.
/// </summary>
/// <param name="Concurrent">Requests in flight at once, all instances together.</param>
/// <param name="RequestBudget">Requests per <paramref name="BudgetWindow"/>, all instances together.</param>
/// <param name="BudgetWindow"></param>
/// <param name="SlotLease">How long a claimed slot stays claimed unless renewed: a dead instance's slot is free after it.</param>
public sealed record MailboxLimits(int Concurrent, int RequestBudget, TimeSpan BudgetWindow, TimeSpan SlotLease)
{
    /// <summary>The window is counted in tenths: the grant looks at the last window's slices plus the current one.</summary>
    public const int SlicesPerWindow = 10;

    /// <summary>
    /// A slot just used is kept this long for the instance's next request (no database round trip in a burst), but never
    /// past <see cref="MaxHold"/> since it was claimed, so another instance's waiting requests get their turn.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxHold { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan SliceLength => BudgetWindow / SlicesPerWindow;

    /// <summary>Requests one instance takes from the shared budget at a time: fewer round trips, little left unused.</summary>
    public int GrantChunk => Math.Clamp(RequestBudget / 500, 1, 16);
}
