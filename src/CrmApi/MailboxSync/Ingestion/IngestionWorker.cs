using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>
/// Drains the durable inbox: claims due rows in batches under a lease (so several instances share the work and a dead
/// instance's rows are taken over when the lease runs out), processes them, marks them done, or puts them back with
/// backoff; after <see cref="IngestionOptions.MaxAttempts"/> failures a row is dead-lettered, visible in the mailbox's
/// health and retryable.
/// </summary>
public sealed class IngestionWorker(
    InboxStore inbox, MessageProcessor processor, IngestionSignal signal, IngestionOptions options, TimeProvider clock, ILogger<IngestionWorker> logger) : BackgroundService
{
    // Several batches are in flight at once, so a batch's slowest message does not hold up the next batch's.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.ConcurrentBatches).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<InboxRow> rows;
            try
            {
                rows = await inbox.ClaimAsync(clock.GetUtcNow(), options.Lease, options.BatchSize, stoppingToken);
            }
            catch (System.Data.Common.DbException error)
            {
                logger.LogWarning("Could not claim inbox rows: {Error}", error.GetType().Name);
                await Task.Delay(options.PollInterval, clock, stoppingToken);
                continue;
            }
            if (rows.Count == 0)
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
                continue;
            }
            if (rows.Count == options.BatchSize)
            {
                // A full batch: more may be waiting, for another of the loops.
                signal.Pulse();
            }
            var done = await Task.WhenAll(rows.Select(row => ProcessAsync(row, stoppingToken)));
            await CompleteAsync(done.OfType<(InboxRow, string)>().ToList(), stoppingToken);
        }
    }

    /// <summary>
    /// The finished rows of a batch are marked done together. Should that fail, their leases run out and they are
    /// processed again, which finds each email logged and changes nothing.
    /// </summary>
    private async Task CompleteAsync(List<(InboxRow Row, string Reason)> done, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            await inbox.CompleteAsync(done, now, ct);
            foreach (var (row, _) in done)
            {
                CrmTelemetry.Lag.Record((now - row.ReceivedAt).TotalSeconds);
            }
        }
        catch (System.Data.Common.DbException error)
        {
            logger.LogWarning("Could not mark {Count} inbox rows done: {Error}", done.Count, error.GetType().Name);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: as above, the rows are taken up again.
        }
    }

    /// <summary>The row and its outcome when it is finished; null when it was put back (or left leased at shutdown).</summary>
    private async Task<(InboxRow Row, string Reason)?> ProcessAsync(InboxRow row, CancellationToken ct)
    {
        using var activity = TraceParents.StartContinuing("inbox.process", row.TraceParent);
        activity?.SetTag("outlookcrm.mailbox.id", row.MailboxId);
        activity?.SetTag("outlookcrm.inbox.attempt", row.Attempts);
        try
        {
            var result = await processor.ProcessAsync(row, ct);
            if (result.Done)
            {
                return (row, result.Reason);
            }
            await inbox.RescheduleAsync(row.Id, dead: false, result.RetryAt ?? clock.GetUtcNow(), result.Reason, result.RefundAttempt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the row is taken up again.
        }
        catch (Exception error)
        {
            var dead = row.Attempts >= options.MaxAttempts;
            var delay = Backoff.After(row.Attempts, options.RetryBaseDelay, options.RetryMaxDelay);
            // The error's type and status only: exception messages can carry addresses or subjects.
            var description = error is Microsoft.Kiota.Abstractions.ApiException api ? $"{error.GetType().Name} {api.ResponseStatusCode}" : error.GetType().Name;
            logger.LogWarning("Inbox row {RowId} failed (attempt {Attempt}{Dead}): {Error}", row.Id, row.Attempts, dead ? ", dead-lettered" : "", description);
            await inbox.RescheduleAsync(row.Id, dead, clock.GetUtcNow() + delay, description, refundAttempt: false, CancellationToken.None);
        }
        return null;
    }
}
