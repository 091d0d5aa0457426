namespace OutlookCrm.Bench;

/// <summary>How big and how long: the full run (a few minutes) or --quick (about a minute).</summary>
public sealed record Scale(bool Quick, int Contacts, int TimelineEmails, int[] TimelinePages, int Samples, TimeSpan ThroughputTime, int[] GrowthSizes)
{
    public static Scale For(bool quick) => quick
        ? new Scale(true, 10_000, 10_000, [1, 10, 100], 200, TimeSpan.FromSeconds(2), [1_000, 10_000])
        : new Scale(false, 100_000, 100_000, [1, 100, 1_000], 1_000, TimeSpan.FromSeconds(5), [10_000, 100_000, 1_000_000]);
}
