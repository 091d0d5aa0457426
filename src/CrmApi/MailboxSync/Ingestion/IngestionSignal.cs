namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>Wakes the worker when the webhook queued something, so it does not wait for its next poll.</summary>
public sealed class IngestionSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already pulsed: the worker is about to look anyway.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
