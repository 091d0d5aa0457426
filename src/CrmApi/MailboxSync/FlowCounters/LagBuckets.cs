namespace OutlookCrm.CrmApi.MailboxSync.FlowCounters;

/// <summary>
/// The fixed lag histogram (notification received → message processed) kept per mailbox and hour: a count per bucket
/// instead of every lag, so a p95 over any number of hours is a sum of a few columns. Its answer is the upper bound
/// of the bucket the 95th percentile falls in (e.g. "at most 15 s"), which is what an admin acts on.
/// </summary>
public static class LagBuckets
{
    /// <summary>The buckets' upper bounds; the last bucket has none.</summary>
    public static readonly IReadOnlyList<TimeSpan> UpperBounds =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4),
    ];

    public static int Count => UpperBounds.Count + 1;

    public static int Of(TimeSpan lag)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (lag <= UpperBounds[i])
            {
                return i;
            }
        }
        return UpperBounds.Count;
    }

    /// <summary>
    /// The upper bound in seconds of the bucket holding the 95th percentile; null when nothing was processed; for the
    /// last, open bucket, its lower bound (the lag is "more than 4 h").
    /// </summary>
    public static double? P95Seconds(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(total * 0.95);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return UpperBounds[Math.Min(i, UpperBounds.Count - 1)].TotalSeconds;
            }
        }
        return UpperBounds[^1].TotalSeconds;
    }
}
