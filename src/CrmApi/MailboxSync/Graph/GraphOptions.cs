namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>The <c>Graph</c> configuration section: where Microsoft Graph is and how the product uses it.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Microsoft Graph, or the emulator's <c>.../_emulator/graph/v1.0</c>.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Mount the in-process emulator (never in Production).</summary>
    public bool Emulator { get; set; }

    /// <summary>The static token the emulator accepts; production uses app-only Entra tokens instead.</summary>
    public string EmulatorAccessToken { get; set; } = "emulator-access-token";

    /// <summary>The add-in's manifest id: its custom properties are the item's <c>cecp-{id}</c> named property.</summary>
    public string AddinId { get; set; } = "7f3b6a2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>Requested subscription lifetime; Outlook allows 10,080 minutes without resource data (older docs: 4,230).</summary>
    public int SubscriptionLifetimeMinutes { get; set; } = 10_020;

    /// <summary>Renew a subscription when less than this is left, so a day of failed renewals still loses nothing.</summary>
    public int RenewBeforeMinutes { get; set; } = 1_440;
}

/// <summary>The <c>Ingestion</c> section: the webhook, the worker and the subscription keeper.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Run the worker and the keeper in this instance.</summary>
    public bool Enabled { get; set; } = true;

    public int WebhookMaxBodyBytes { get; set; } = 1_048_576;

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

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox; the worker never uses more.</summary>
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan DeltaSweepInterval { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Log intents wait this long for their message (scheduled and delayed sends).</summary>
    public TimeSpan IntentLifetime { get; set; } = TimeSpan.FromDays(14);
}
