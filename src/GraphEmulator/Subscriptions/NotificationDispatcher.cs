using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Subscriptions;

/// <summary>
/// Delivers change and lifecycle notifications the way Graph does: asynchronously, batched in <c>value</c> arrays per
/// URL, retried with exponential backoff while the receiver fails or is slow, dropped after the horizon. Faults
/// (drop, duplicate, reorder, delay) are applied here.
/// </summary>
public sealed class NotificationDispatcher(
    IHttpClientFactory httpClients, EmulatorOptions options, FaultState faults, EmulatorStats stats, TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "graph-emulator-callbacks";
    private const int ParallelDeliveries = 8;

    private readonly Channel<PendingDelivery> _queue = Channel.CreateUnbounded<PendingDelivery>();
    private readonly SemaphoreSlim _parallel = new(ParallelDeliveries);

    private sealed record PendingDelivery(string Url, JsonObject Item, DateTimeOffset FirstTried, int Attempt);

    public void NotifyCreated(EmulatedSubscription subscription, EmulatedMessage message)
    {
        var resource = $"Users/{subscription.MailboxId}/Messages/{message.Id}";
        // The documented item (change-notification-message-created.json; learn.microsoft.com graph/api/resources/changenotification):
        // its own id ("unique ID for the notification"), the subscription's, and the resource with its resourceData.
        var item = new JsonObject
        {
            ["id"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["clientState"] = subscription.ClientState,
            ["changeType"] = "created",
            ["resource"] = resource,
            ["tenantId"] = subscription.TenantId,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Message",
                ["@odata.id"] = resource,
                ["@odata.etag"] = message.ETag,
                ["id"] = message.Id,
            },
        };
        if (faults.ShouldDrop())
        {
            stats.CountDropped();
            return;
        }
        Enqueue(subscription.NotificationUrl, item);
        if (faults.Duplicate)
        {
            Enqueue(subscription.NotificationUrl, (JsonObject)item.DeepClone());
        }
    }

    public void NotifyLifecycle(EmulatedSubscription subscription, string lifecycleEvent) =>
        Enqueue(subscription.LifecycleNotificationUrl ?? subscription.NotificationUrl, new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["tenantId"] = subscription.TenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        });

    private void Enqueue(string url, JsonObject item) => _queue.Writer.TryWrite(new PendingDelivery(url, item, clock.GetUtcNow(), 0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            // Gather what arrives within the batch window, as Graph sends several notifications in one POST.
            await Task.Delay(options.BatchWindow, clock, stoppingToken);
            var pending = new List<PendingDelivery>();
            while (pending.Count < options.MaxBatchSize * 20 && reader.TryRead(out var delivery))
            {
                pending.Add(delivery);
            }
            if (faults.Reorder)
            {
                faults.Shuffle(pending);
            }
            foreach (var batch in pending.GroupBy(delivery => delivery.Url).SelectMany(url => url.Chunk(options.MaxBatchSize)))
            {
                await _parallel.WaitAsync(stoppingToken);
                _ = DeliverAsync(batch, stoppingToken).ContinueWith(_ => _parallel.Release(), TaskScheduler.Default);
            }
        }
    }

    private async Task DeliverAsync(PendingDelivery[] batch, CancellationToken stoppingToken)
    {
        var body = new JsonObject { ["value"] = new JsonArray(batch.Select(delivery => (JsonNode)delivery.Item.DeepClone()).ToArray()) };
        try
        {
            if (faults.DelayMs > 0)
            {
                await Task.Delay(faults.DelayMs, stoppingToken);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.DeliveryTimeout);
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(batch[0].Url, body, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                stats.CountSent(batch.Length);
                return;
            }
            logger.LogDebug("Notification delivery answered {Status}", (int)response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Notification delivery failed: {Error}", error.GetType().Name);
        }
        stats.CountDeliveryFailure();
        Retry(batch, stoppingToken);
    }

    private void Retry(PendingDelivery[] batch, CancellationToken stoppingToken)
    {
        var attempt = batch[0].Attempt + 1;
        var delay = TimeSpan.FromTicks(Math.Min(options.RetryMaxDelay.Ticks, options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
        var keep = batch.Where(delivery => clock.GetUtcNow() + delay - delivery.FirstTried <= options.RetryHorizon).ToList();
        stats.CountAbandoned(batch.Length - keep.Count);
        if (keep.Count == 0)
        {
            return;
        }
        _ = Task.Delay(delay, clock, stoppingToken).ContinueWith(
            _ => keep.ForEach(delivery => _queue.Writer.TryWrite(delivery with { Attempt = attempt })),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
