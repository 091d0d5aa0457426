namespace OutlookCrm.CrmApi.Platform.Housekeeping;

/// <summary>Runs the purge shortly after start and then every <see cref="HousekeepingOptions.Interval"/> (Privacy/Retention's pattern).</summary>
public sealed class HousekeepingSweeper(HousekeepingPurge purge, HousekeepingOptions options, TimeProvider clock, ILogger<HousekeepingSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                foreach (var (kind, count) in await purge.RunAsync(stoppingToken))
                {
                    if (count > 0)
                    {
                        logger.LogInformation("Housekeeping deleted {Count} {Kind}", count, kind);
                    }
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Tried again at the next tick; a failing purge must not stop the host.
                logger.LogWarning("Housekeeping failed: {Error}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
