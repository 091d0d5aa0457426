using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.RateLimits;

/// <summary>
/// A token bucket per remote address for the anonymous routes (a customer's quote page and file): there is no tenant to
/// charge, so one address crawling links or hammering a page is answered 429 with Retry-After and problem details, and
/// nobody else is slowed. Behind a reverse proxy the client's address must be forwarded (docs/deploy.md), or every
/// customer shares the proxy's bucket.
/// </summary>
public static class AddressRateLimit
{
    public const string Policy = "per-address";

    public static WebApplicationBuilder AddAddressRateLimit(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, new AddressRateLimitPolicy(options)));
        return builder;
    }
}

/// <summary>The bucket of one remote address, and its own refusal (the tenant limit's words are for signed-in users).</summary>
public sealed class AddressRateLimitPolicy(RateLimitOptions options) : IRateLimiterPolicy<string>
{

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.TooManyRequests("Too many requests from this address: try again in a moment.").ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetTokenBucketLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "",
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PerAddressBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, options.PerAddressPerMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
