namespace OutlookCrm.CrmApi.Platform.Housekeeping;

/// <summary>The <c>Housekeeping</c> section: how long working rows are kept once they have served, and how they are trimmed.</summary>
public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";

    /// <summary>Run the periodic purge in this instance (each batch is idempotent, so several instances may).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, each on a write connection of its own, so a purge never holds the writer long.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Finished (done) notification inbox rows: Graph redelivers within 4 hours, a week covers any replay.</summary>
    public TimeSpan DoneInboxRowsKeptFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Message outcomes, the pane's "logged / not logged + why".</summary>
    public TimeSpan OutcomesKeptFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Log intents, counted from their expiry (an intent waits 14 days for its message, <c>Ingestion:IntentLifetime</c>).</summary>
    public TimeSpan ExpiredIntentsKeptFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The hourly mail-flow counters: the admin overview shows 7 days, a month is kept for a look further back.</summary>
    public TimeSpan FlowCountersKeptFor { get; set; } = TimeSpan.FromDays(31);
}
