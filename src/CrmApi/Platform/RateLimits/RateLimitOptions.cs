namespace OutlookCrm.CrmApi.Platform.RateLimits;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Requests a Microsoft 365 tenant's users may make to /api each second, together, once its burst is spent.</summary>
    public int PerTenantPerSecond { get; set; } = 2_000;

    /// <summary>Requests a tenant may make at once before the per-second rate applies.</summary>
    public int PerTenantBurst { get; set; } = 4_000;

    /// <summary>Requests one remote address may make to the anonymous customer links each minute, once its burst is spent.</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Requests one remote address may make to the anonymous customer links at once.</summary>
    public int PerAddressBurst { get; set; } = 30;
}
