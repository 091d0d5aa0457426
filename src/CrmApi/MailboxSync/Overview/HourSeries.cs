using OutlookCrm.CrmApi.MailboxSync.FlowCounters;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>Counter rows laid out hour by hour (zeros included), with the lag histogram of each hour kept for p95s.</summary>
public sealed class HourSeries
{
    private readonly long[][] _lags;

    private HourSeries(int hours)
    {
        Notifications = new long[hours];
        EmailsLogged = new long[hours];
        _lags = new long[hours][];
        for (var i = 0; i < hours; i++)
        {
            _lags[i] = new long[LagBuckets.Count];
        }
    }

    public long[] Notifications { get; }

    public long[] EmailsLogged { get; }

    public static HourSeries Of(IEnumerable<FlowHour> rows, long fromHour, int hours)
    {
        var series = new HourSeries(hours);
        foreach (var row in rows)
        {
            var i = row.UtcHour - fromHour;
            if (i < 0 || i >= hours)
            {
                continue;
            }
            series.Notifications[i] += row.Notifications;
            series.EmailsLogged[i] += row.EmailsLogged;
            var lags = row.Lags;
            for (var bucket = 0; bucket < lags.Length; bucket++)
            {
                series._lags[i][bucket] += lags[bucket];
            }
        }
        return series;
    }

    /// <summary>The sum of the last <paramref name="hours"/> hours of a series.</summary>
    public long Last(int hours, long[] values) => values.AsSpan(Math.Max(0, values.Length - hours)).ToArray().Sum();

    /// <summary>
    /// The p95 lag over the last <paramref name="hours"/> clock hours, the current one included: "the last hour" is
    /// read as the current and the previous clock hour (60 to 120 minutes), hours being the counters' grain.
    /// </summary>
    public double? LagP95Seconds(int hours)
    {
        var sum = new long[LagBuckets.Count];
        foreach (var hour in _lags.AsSpan(Math.Max(0, _lags.Length - hours)))
        {
            for (var bucket = 0; bucket < sum.Length; bucket++)
            {
                sum[bucket] += hour[bucket];
            }
        }
        return LagBuckets.P95Seconds(sum);
    }
}
