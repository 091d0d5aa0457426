using Microsoft.Extensions.Caching.Memory;
using OutlookCrm.CrmApi.Platform.Accounts;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// Notes when a user was last seen and with which app roles (the admin console's People page): roles live in the
/// token, so the last token seen is the only place the API can learn them. At most one write per user every
/// <see cref="Every"/> per instance (a cache entry per user and roles: a change of roles is written at once), and the
/// UPDATE itself skips a row seen recently, so several instances do not write per request either.
/// </summary>
public sealed class LastSeen(AccountStore accounts, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public async Task NoteAsync(Guid accountId, Guid userId, System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var roles = string.Join(',', CrmRoles.All.Where(principal.HasRole).Order(StringComparer.Ordinal));
        var key = $"last-seen:{userId:N}:{roles}";
        if (cache.TryGetValue(key, out _))
        {
            return;
        }
        var now = clock.GetUtcNow();
        await accounts.TouchLastSeenAsync(accountId, userId, now, roles, now - Every, ct);
        cache.Set(key, true, Every);
    }

    /// <summary>The roles as written by <see cref="NoteAsync"/>, as a list.</summary>
    public static IReadOnlyList<string> Roles(string? written) => string.IsNullOrEmpty(written) ? [] : written.Split(',');
}
