namespace OutlookCrm.GraphEmulator;

/// <summary>The <c>GraphEmulator</c> configuration section: the knobs tests turn to make "Graph" behave.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "GraphEmulator";

    /// <summary>The bearer token every Graph call must carry (the real Graph requires one; so does the emulator).</summary>
    public string AccessToken { get; set; } = "emulator-access-token";

    /// <summary>The Outlook add-in's manifest id: custom properties are stored under <c>cecp-{id}</c>, as Exchange does.</summary>
    public string AddinId { get; set; } = "7f3b6a2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>Outlook message subscriptions without resource data: 10,080 minutes today (older docs: 4,230).</summary>
    public int MaxSubscriptionMinutes { get; set; } = 10_080;

    /// <summary>Graph gives the validation echo 10 s.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An answer slower than this counts as a failed delivery (Graph: 3 s in older docs, 10 s in newer).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry delay; each retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Graph retries for up to 4 hours, then drops the notification.</summary>
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long the dispatcher gathers notifications into one <c>value</c> batch.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Seed for the drop and reorder faults, so a fault run can be repeated.</summary>
    public int RandomSeed { get; set; } = 20261127;
}
