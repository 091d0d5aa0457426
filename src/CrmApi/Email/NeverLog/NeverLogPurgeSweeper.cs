using OutlookCrm.CrmApi.Privacy.Retention;

namespace OutlookCrm.CrmApi.Email.NeverLog;

/// <summary>
/// The retention sweep's part for never-log purges, on the retention schedule (<see cref="RetentionOptions"/>): a
/// purge past its 30 days loses its emails for good. Idempotent, so several instances may run it.
/// </summary>
public sealed class NeverLogPurgeSweeper(NeverLogPurges purges, RetentionOptions options, TimeProvider clock, ILogger<NeverLogPurgeSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                int ended;
                do
                {
                    ended = await purges.ExpireAsync(clock.GetUtcNow(), options.BatchSize, stoppingToken);
                    if (ended > 0)
                    {
                        logger.LogInformation("Ended {Count} never-log purges past their restore period", ended);
                    }
                }
                while (ended == options.BatchSize);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Tried again at the next tick; a failing sweep must not stop the host.
                logger.LogWarning("Never-log purge sweep failed: {Error}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
