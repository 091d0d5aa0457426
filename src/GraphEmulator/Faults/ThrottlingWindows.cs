using OutlookCrm.GraphEmulator.Endpoints;

namespace OutlookCrm.GraphEmulator.Faults;

/// <summary>
/// <c>POST /_emulator/throttling</c>: an omitted value keeps its setting; 0 switches a limit off. Windows in seconds.
/// </summary>
public sealed record ThrottlingRequest(int? MailboxRequests, double? MailboxWindowSeconds, int? SubscriptionWrites, double? SubscriptionWindowSeconds, int? LatencyMs);

/// <summary>A request refused by a window: the answer and the Retry-After it carries.</summary>
public sealed record WindowRefusal(IResult Result, TimeSpan RetryAfter);

/// <summary>
/// Graph's request-rate limits, off until a test switches them on (the emulator's other tests send far more than a
/// small window allows):
/// <list type="bullet">
/// <item>Outlook, per app and mailbox: 10,000 API requests in a 10-minute period (learn.microsoft.com/graph/throttling-limits,
/// "Outlook service limits"; includes/throttling-outlook.md). Any 10-minute period: a sliding window. Refused requests
/// count too ("all requests accrue against your usage limits", learn.microsoft.com/graph/throttling).</item>
/// <item>Subscriptions, per app and tenant: 1,000 writes (POST, PUT, PATCH, DELETE) per 20 seconds (same page,
/// "Subscription service limits"; includes/throttling-subscription-services.md). The emulator serves one app and tenant.
/// The 5,000-requests-of-any-kind limit of that table is not modelled.</item>
/// </list>
/// The 429 carries Retry-After, as Outlook resources do (learn.microsoft.com/graph/throttling); the error code is
/// Outlook's <c>ApplicationThrottled</c>, the message wording is ours (Graph's for this limit is not documented).
/// </summary>
public sealed class ThrottlingWindows
{
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _mailboxLogs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTimeOffset> _subscriptionWrites = new();
    private readonly Dictionary<string, long> _requests = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _refused = new(StringComparer.OrdinalIgnoreCase);
    private long _subscriptionWritesRefused;
    private int _mailboxRequests;
    private TimeSpan _mailboxWindow = TimeSpan.FromMinutes(10);
    private int _subscriptionWriteLimit;
    private TimeSpan _subscriptionWindow = TimeSpan.FromSeconds(20);

    /// <summary>How long every Graph call takes: real Graph answers in tens to hundreds of milliseconds, so requests overlap.</summary>
    public int LatencyMs { get; private set; }

    public void Apply(ThrottlingRequest request)
    {
        lock (_gate)
        {
            _mailboxRequests = Math.Max(0, request.MailboxRequests ?? _mailboxRequests);
            _mailboxWindow = request.MailboxWindowSeconds is > 0 and var mailboxSeconds ? TimeSpan.FromSeconds(mailboxSeconds) : _mailboxWindow;
            _subscriptionWriteLimit = Math.Max(0, request.SubscriptionWrites ?? _subscriptionWriteLimit);
            _subscriptionWindow = request.SubscriptionWindowSeconds is > 0 and var subscriptionSeconds ? TimeSpan.FromSeconds(subscriptionSeconds) : _subscriptionWindow;
            LatencyMs = Math.Max(0, request.LatencyMs ?? LatencyMs);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _mailboxLogs.Clear();
            _subscriptionWrites.Clear();
            _requests.Clear();
            _refused.Clear();
            _subscriptionWritesRefused = 0;
        }
        Apply(new ThrottlingRequest(0, 600, 0, 20, 0));
    }

    /// <summary>Counts the request against its windows; a refusal when one of them is full.</summary>
    public WindowRefusal? Check(string mailbox, bool isMailbox, string method, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (isMailbox)
            {
                _requests[mailbox] = _requests.GetValueOrDefault(mailbox) + 1;
                if (_mailboxRequests > 0)
                {
                    if (!_mailboxLogs.TryGetValue(mailbox, out var log))
                    {
                        _mailboxLogs[mailbox] = log = new Queue<DateTimeOffset>();
                    }
                    if (Admit(log, _mailboxRequests, _mailboxWindow, now) is { } retryAfter)
                    {
                        _refused[mailbox] = _refused.GetValueOrDefault(mailbox) + 1;
                        return Refuse(retryAfter, "Application is over its request limit for this mailbox.");
                    }
                }
            }
            else if (_subscriptionWriteLimit > 0 && Writes.Contains(method, StringComparer.OrdinalIgnoreCase)
                && Admit(_subscriptionWrites, _subscriptionWriteLimit, _subscriptionWindow, now) is { } retryAfter)
            {
                _subscriptionWritesRefused++;
                return Refuse(retryAfter, "Application is over its subscription write limit.");
            }
            return null;
        }
    }

    public Task LatencyAsync(CancellationToken ct) => LatencyMs > 0 ? Task.Delay(LatencyMs, ct) : Task.CompletedTask;

    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                mailboxRequests = _mailboxRequests,
                mailboxWindowSeconds = _mailboxWindow.TotalSeconds,
                subscriptionWrites = _subscriptionWriteLimit,
                subscriptionWindowSeconds = _subscriptionWindow.TotalSeconds,
                latencyMs = LatencyMs,
                requestsPerMailbox = new Dictionary<string, long>(_requests),
                refusedPerMailbox = new Dictionary<string, long>(_refused),
                subscriptionWritesRefused = _subscriptionWritesRefused,
            };
        }
    }

    /// <summary>Logs the request; when the window already held the limit, how long until its oldest request leaves it.</summary>
    private static TimeSpan? Admit(Queue<DateTimeOffset> log, int limit, TimeSpan window, DateTimeOffset now)
    {
        while (log.Count > 0 && log.Peek() <= now - window)
        {
            log.Dequeue();
        }
        var full = log.Count >= limit;
        log.Enqueue(now);
        return full ? log.Peek() + window - now : null;
    }

    private static WindowRefusal Refuse(TimeSpan retryAfter, string message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new WindowRefusal(GraphErrors.Error(StatusCodes.Status429TooManyRequests, "ApplicationThrottled", message, seconds), TimeSpan.FromSeconds(seconds));
    }
}
