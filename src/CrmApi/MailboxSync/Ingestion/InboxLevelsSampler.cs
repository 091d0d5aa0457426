using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// Counts the inbox's backlog and dead letters every <see cref="Interval"/> for the telemetry gauges (only when
/// telemetry is on): one index-only count per interval and instance, whatever the number of scrapes or mailboxes.
/// </summary>
public sealed class InboxLevelsSampler(InboxStore inbox, TimeProvider clock, ILogger<InboxLevelsSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var counts = (await inbox.CountOpenAsync(stoppingToken)).ToDictionary(count => count.Status, count => count.Count);
                CrmTelemetry.Levels.Set(
                    counts.GetValueOrDefault(InboxStatuses.Pending) + counts.GetValueOrDefault(InboxStatuses.Processing), counts.GetValueOrDefault(InboxStatuses.Dead));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The gauges keep their last value; the next tick tries again.
                logger.LogWarning("Could not sample the inbox's levels: {Error}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
