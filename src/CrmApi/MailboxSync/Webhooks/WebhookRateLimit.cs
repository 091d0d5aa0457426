using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>
/// A token bucket per remote address on the anonymous webhook: one sender's flood is answered 429 with Retry-After
/// (Graph itself retries a 429) and never takes the buckets of Graph's own addresses. The address is the connection's
/// (<see cref="ConnectionInfo.RemoteIpAddress"/>): X-Forwarded-For is never read here, as any caller can write it and
/// pick a fresh bucket per request; behind a proxy, the forwarded-headers middleware, configured to trust that proxy
/// only, puts the client's address there (docs/security.md). IPv6 addresses count per /64, what one host is given.
/// </summary>
public sealed class WebhookRateLimit(IngestionOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "webhook-per-address";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetTokenBucketLimiter(
        PartitionOf(httpContext.Connection.RemoteIpAddress),
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.WebhookPerAddressBurst,
            TokensPerPeriod = options.WebhookPerAddressPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        context.HttpContext.RequestServices.GetRequiredService<WebhookCounters>().CountRateLimited();
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.TooManyRequests("Too many webhook requests from this address: try again in a moment.").ExecuteAsync(context.HttpContext);
    }
}
