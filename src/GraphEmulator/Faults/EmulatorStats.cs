using System.Collections.Concurrent;

namespace OutlookCrm.GraphEmulator.Faults;

/// <summary>What tests assert on: Graph calls, throttled answers, concurrency per mailbox, notification deliveries.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, TimeSpan RetryAfter)> _lastThrottle = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _retryAfterIgnored = new(StringComparer.OrdinalIgnoreCase);
    private long _graphRequests;
    private long _throttled;
    private long _notificationsSent;
    private long _notificationsDropped;
    private long _deliveryFailures;
    private long _deliveriesAbandoned;

    /// <summary>
    /// Requests that arrive while a Retry-After given to this mailbox still runs count as ignoring it. A short grace
    /// covers requests already on the wire when the 429 went out.
    /// </summary>
    public static readonly TimeSpan RetryAfterGrace = TimeSpan.FromMilliseconds(250);

    public IDisposable Enter(string mailbox, DateTimeOffset now)
    {
        Interlocked.Increment(ref _graphRequests);
        if (_lastThrottle.TryGetValue(mailbox, out var throttle) && now > throttle.At + RetryAfterGrace && now < throttle.At + throttle.RetryAfter)
        {
            _retryAfterIgnored.AddOrUpdate(mailbox, 1, (_, count) => count + 1);
        }
        var inFlight = _inFlight.AddOrUpdate(mailbox, 1, (_, count) => count + 1);
        _maxInFlight.AddOrUpdate(mailbox, inFlight, (_, max) => Math.Max(max, inFlight));
        return new Exit(() => _inFlight.AddOrUpdate(mailbox, 0, (_, count) => count - 1));
    }

    public int InFlight(string mailbox) => _inFlight.GetValueOrDefault(mailbox);

    public void CountGraphRequest() => Interlocked.Increment(ref _graphRequests);

    public void CountThrottled(string mailbox, DateTimeOffset now, TimeSpan retryAfter)
    {
        Interlocked.Increment(ref _throttled);
        _lastThrottle[mailbox] = (now, retryAfter);
    }

    public void CountSent(int items) => Interlocked.Add(ref _notificationsSent, items);

    public void CountDropped() => Interlocked.Increment(ref _notificationsDropped);

    public void CountDeliveryFailure() => Interlocked.Increment(ref _deliveryFailures);

    public void CountAbandoned(int items) => Interlocked.Add(ref _deliveriesAbandoned, items);

    public object Snapshot() => new
    {
        graphRequests = Interlocked.Read(ref _graphRequests),
        throttled = Interlocked.Read(ref _throttled),
        notificationsSent = Interlocked.Read(ref _notificationsSent),
        notificationsDropped = Interlocked.Read(ref _notificationsDropped),
        deliveryFailures = Interlocked.Read(ref _deliveryFailures),
        deliveriesAbandoned = Interlocked.Read(ref _deliveriesAbandoned),
        maxConcurrentRequestsPerMailbox = _maxInFlight.ToDictionary(pair => pair.Key, pair => pair.Value),
        requestsIgnoringRetryAfter = _retryAfterIgnored.ToDictionary(pair => pair.Key, pair => pair.Value),
    };

    private sealed class Exit(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
