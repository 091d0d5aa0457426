using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.Accounts;

/// <summary>
/// Tenants found to have no account, remembered for a minute in a bounded cache: a flood of valid tokens from a tenant
/// that is not onboarded is refused without a database read per request. Onboarding in this process forgets the
/// tenant at once; onboarding from the command line is seen within the minute.
/// </summary>
public sealed class RefusedTenants : IDisposable
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

    private readonly BoundedCache<string, bool> _refused = new(Capacity, RememberFor);

    public bool IsRefused(string tenantId) => _refused.TryGet(tenantId, out _);

    public void Remember(string tenantId) => _refused.Set(tenantId, true);

    public void Forget(string tenantId) => _refused.Remove(tenantId);

    public void Dispose() => _refused.Dispose();
}
