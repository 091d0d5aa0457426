using Microsoft.Extensions.Caching.Memory;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// A cache with a ceiling on its entries, for lookups a caller from outside can vary (subscription rows, refused
/// tenants): past the ceiling a new entry is simply not kept and the oldest are compacted away, so a flood of distinct
/// keys costs memory up to the ceiling and no more. Its own instance, not the app's shared memory cache, whose entries
/// carry no size.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity, TimeSpan lifetime) : IDisposable
    where TKey : notnull
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity });

    public int Capacity => capacity;

    /// <summary>Whether the key is cached; its value may be null (a remembered miss).</summary>
    public bool TryGet(TKey key, out TValue? value) => _cache.TryGetValue(key, out value);

    public void Set(TKey key, TValue? value) => _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });

    public void Remove(TKey key) => _cache.Remove(key);

    public long Count => _cache.Count;

    public void Dispose() => _cache.Dispose();
}
