namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>The <c>Ingestion</c> section: the webhook, the worker and the subscription keeper.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Run the worker and the keeper in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The webhook's own body cap (413 past it): 1,000 items of Graph's size fit in well under it.</summary>
    public int WebhookMaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Items one batch may carry; a larger batch is refused whole (413). Graph documents no maximum and sends tens.</summary>
    public int WebhookMaxItemsPerBatch { get; set; } = 1_000;

    /// <summary>Subscription rows the webhook keeps in memory, 30 s each: at the 100,000-mailbox peak ~33,000 are heard from in 30 s.</summary>
    public int WebhookCacheEntries { get; set; } = 50_000;

    /// <summary>Webhook requests one remote address (an IPv6 /64) may make each second once its burst is spent (429 past it).</summary>
    public int WebhookPerAddressPerSecond { get; set; } = 500;

    public int WebhookPerAddressBurst { get; set; } = 1_000;

    /// <summary>The webhook answers 503 when its batch is not stored within this time (Graph gives up at ~3 s).</summary>
    public TimeSpan WebhookWriteBudget { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 32;

    /// <summary>How many claimed batches this instance processes at once.</summary>
    public int ConcurrentBatches { get; set; } = 2;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox; all instances together never use more.</summary>
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>
    /// Requests per mailbox and <see cref="RequestBudgetWindow"/>, all instances together: Outlook allows 10,000 per 10
    /// minutes per app and mailbox; a tenth is left for the calls made outside the budget (connecting a mailbox).
    /// </summary>
    public int RequestBudgetPerMailbox { get; set; } = 9_000;

    public TimeSpan RequestBudgetWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A shared Graph slot of a dead instance is free after this long (a live one renews it meanwhile).</summary>
    public TimeSpan GraphSlotLease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan DeltaSweepInterval { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Log intents wait this long for their message (scheduled and delayed sends).</summary>
    public TimeSpan IntentLifetime { get; set; } = TimeSpan.FromDays(14);
}
