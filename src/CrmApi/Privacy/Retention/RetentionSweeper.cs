namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>Runs the purge shortly after start and then every <see cref="RetentionOptions.Interval"/>.</summary>
public sealed class RetentionSweeper(RetentionPurge purge, RetentionOptions options, TimeProvider clock, ILogger<RetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                var purged = await purge.RunAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Retention purged {Count} email bodies", purged);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Tried again at the next tick; a failing purge must not stop the host.
                logger.LogWarning("Retention purge failed: {Error}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
