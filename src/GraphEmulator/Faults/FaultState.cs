namespace OutlookCrm.GraphEmulator.Faults;

/// <summary>
/// The faults a test asked for (<c>POST /_emulator/faults</c>); cleared by <c>DELETE</c>. <c>subscriptionPageSize</c>: how
/// many subscriptions one page of <c>GET /subscriptions</c> holds before an <c>@odata.nextLink</c> (0: all on one page).
/// </summary>
public sealed record FaultRequest(
    int? ThrottleNext, int? RetryAfterSeconds, int? UnavailableNext, bool? Duplicate, bool? Reorder, double? DropRate, int? DelayMs, string? PoisonSubject = null,
    int? SubscriptionPageSize = null);

/// <summary>Faults on demand, shared by the Graph endpoints and the notification dispatcher.</summary>
public sealed class FaultState(EmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(options.RandomSeed);
    private int _throttleNext;
    private int _unavailableNext;

    public int RetryAfterSeconds { get; private set; } = 1;

    public bool Duplicate { get; private set; }

    public bool Reorder { get; private set; }

    public double DropRate { get; private set; }

    public int DelayMs { get; private set; }

    /// <summary>Reading a message whose subject contains this fails with 500, every time: a poison message.</summary>
    public string? PoisonSubject { get; private set; }

    /// <summary>
    /// Graph pages <c>GET /subscriptions</c> with <c>@odata.nextLink</c> (learn.microsoft.com graph/api/subscription-list;
    /// learn.microsoft.com graph/paging) at a page size it does not document, so a test picks one; 0 is one page.
    /// </summary>
    public int SubscriptionPageSize { get; private set; }

    public void Apply(FaultRequest request)
    {
        lock (_gate)
        {
            _throttleNext = request.ThrottleNext ?? _throttleNext;
            _unavailableNext = request.UnavailableNext ?? _unavailableNext;
            RetryAfterSeconds = request.RetryAfterSeconds ?? RetryAfterSeconds;
            Duplicate = request.Duplicate ?? Duplicate;
            Reorder = request.Reorder ?? Reorder;
            DropRate = Math.Clamp(request.DropRate ?? DropRate, 0, 1);
            DelayMs = Math.Max(0, request.DelayMs ?? DelayMs);
            SubscriptionPageSize = Math.Max(0, request.SubscriptionPageSize ?? SubscriptionPageSize);
            PoisonSubject = request.PoisonSubject is null ? PoisonSubject : request.PoisonSubject.Length == 0 ? null : request.PoisonSubject;
        }
    }

    public void Clear() => Apply(new FaultRequest(0, 1, 0, false, false, 0, 0, "", 0));

    /// <summary>The status a Graph call must fail with (429 or 503), or null to serve it.</summary>
    public int? NextGraphFailure()
    {
        lock (_gate)
        {
            if (_throttleNext > 0)
            {
                _throttleNext--;
                return StatusCodes.Status429TooManyRequests;
            }
            if (_unavailableNext > 0)
            {
                _unavailableNext--;
                return StatusCodes.Status503ServiceUnavailable;
            }
            return null;
        }
    }

    public bool ShouldDrop()
    {
        lock (_gate)
        {
            return DropRate > 0 && _random.NextDouble() < DropRate;
        }
    }

    public void Shuffle<T>(IList<T> items)
    {
        lock (_gate)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
