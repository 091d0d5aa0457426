using System.Diagnostics;

namespace OutlookCrm.Bench;

/// <summary>Timings of a repeated operation: percentiles of single calls, and throughput of concurrent ones.</summary>
public static class Latency
{
    /// <summary>
    /// Runs the operation one at a time, after a warm-up, and returns each call's time in milliseconds. The warm-up
    /// lasts at least a second as well as <paramref name="warmUp"/> calls: the runtime recompiles hot code with full
    /// optimisation only after it has run a while (tiered compilation), and a server is measured as it runs all day.
    /// </summary>
    public static async Task<double[]> SequentialAsync(Func<int, Task> operation, int warmUp, int count)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmUp || (warming.Elapsed < TimeSpan.FromSeconds(1) && i < 20_000); i++)
        {
            await operation(i);
        }
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return times;
    }

    /// <summary>Calls per second with <paramref name="workers"/> callers for a bounded time (and a bounded count).</summary>
    public static async Task<double> ThroughputAsync(Func<int, Task> operation, int workers, TimeSpan duration, int maxCalls)
    {
        var calls = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int call;
            while (Stopwatch.GetTimestamp() < deadline && (call = Interlocked.Increment(ref calls)) <= maxCalls)
            {
                await operation(call);
            }
        }));
        return Math.Min(calls, maxCalls) / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public static double Percentile(double[] times, double percentile)
    {
        var sorted = times.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
