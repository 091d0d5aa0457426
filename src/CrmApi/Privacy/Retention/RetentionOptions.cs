namespace OutlookCrm.CrmApi.Privacy.Retention;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Run the periodic purge in this instance (it is idempotent, so several instances may).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 500;
}
