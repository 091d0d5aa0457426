using System.Diagnostics.Metrics;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>
/// What the webhook refused and why, as metrics (<c>OutlookCrm.Webhooks</c>) and as totals tests and health read. No
/// personal data: counts and reasons only.
/// </summary>
public sealed class WebhookCounters : IDisposable
{
    private readonly Meter _meter = new("OutlookCrm.Webhooks");
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _subscriptionReads;
    private long _acceptedTotal;
    private long _unknownSubscription;
    private long _clientStateMismatch;
    private long _malformed;
    private long _oversized;
    private long _forged;
    private long _tooManyItems;
    private long _rateLimited;
    private long _subscriptionReadTotal;

    public WebhookCounters()
    {
        _accepted = _meter.CreateCounter<long>("outlookcrm.webhook.notifications.accepted");
        _rejected = _meter.CreateCounter<long>("outlookcrm.webhook.notifications.rejected");
        _subscriptionReads = _meter.CreateCounter<long>("outlookcrm.webhook.subscription.reads");
    }

    public long Accepted => Interlocked.Read(ref _acceptedTotal);

    public long UnknownSubscription => Interlocked.Read(ref _unknownSubscription);

    public long ClientStateMismatch => Interlocked.Read(ref _clientStateMismatch);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Items whose clientState this server did not sign: dropped by computation, no database read.</summary>
    public long Forged => Interlocked.Read(ref _forged);

    /// <summary>Batches refused whole for carrying more items than the cap.</summary>
    public long TooManyItems => Interlocked.Read(ref _tooManyItems);

    /// <summary>Requests refused by the per-address rate limit.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>The webhook's database reads of a subscription (a signed item whose row was not cached).</summary>
    public long SubscriptionReads => Interlocked.Read(ref _subscriptionReadTotal);

    public void CountAccepted(int count)
    {
        Interlocked.Add(ref _acceptedTotal, count);
        _accepted.Add(count);
    }

    public void CountUnknownSubscription() => Reject(ref _unknownSubscription, "unknownSubscription");

    public void CountClientStateMismatch() => Reject(ref _clientStateMismatch, "clientStateMismatch");

    public void CountMalformed() => Reject(ref _malformed, "malformed");

    public void CountOversized() => Reject(ref _oversized, "oversized");

    public void CountForged() => Reject(ref _forged, "forged");

    public void CountTooManyItems() => Reject(ref _tooManyItems, "tooManyItems");

    public void CountRateLimited() => Reject(ref _rateLimited, "rateLimited");

    public void CountSubscriptionRead()
    {
        Interlocked.Increment(ref _subscriptionReadTotal);
        _subscriptionReads.Add(1);
    }

    public void Dispose() => _meter.Dispose();

    private void Reject(ref long total, string reason)
    {
        Interlocked.Increment(ref total);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }
}
