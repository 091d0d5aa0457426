namespace OutlookCrm.CrmApi.Platform.Housekeeping;

/// <summary>Trims every kind of aged rows, batch after batch, until a batch comes back short.</summary>
public sealed class HousekeepingPurge(IEnumerable<IAgedRows> tables, HousekeepingOptions options, TimeProvider clock)
{
    /// <summary>How many rows of each kind were deleted.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunAsync(CancellationToken ct)
    {
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var before = clock.GetUtcNow() - table.KeptFor(options);
            var total = 0;
            int batch;
            do
            {
                batch = await table.PurgeAsync(before, options.BatchSize, ct);
                total += batch;
            }
            while (batch == options.BatchSize);
            deleted[table.Kind] = total;
        }
        return deleted;
    }
}
