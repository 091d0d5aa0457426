using System.Globalization;
using System.Threading.RateLimiting;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.RateLimits;

/// <summary>
/// A token bucket per Microsoft 365 tenant on every /api route: one account's burst (a script, a runaway client) is
/// answered 429 with Retry-After and problem details, and never slows another tenant down. Partitioned by the
/// validated token's tenant, so it runs after authentication.
/// </summary>
public static class TenantRateLimit
{
    public const string Policy = "per-tenant";

    public static WebApplicationBuilder AddTenantRateLimit(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Find(CrmClaims.TenantId) ?? "",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.PerTenantBurst,
                    TokensPerPeriod = options.PerTenantPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.TooManyRequests("Your organisation is sending requests faster than OutlookCrm takes them: try again in a moment.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }
}
