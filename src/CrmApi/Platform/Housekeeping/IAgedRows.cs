namespace OutlookCrm.CrmApi.Platform.Housekeeping;

/// <summary>
/// Rows that are trimmed by age once they have served (finished inbox rows, old outcomes, expired intents): the owner
/// of each table answers for its own rows and their SQL, the purge only decides when and how much at a time.
/// </summary>
public interface IAgedRows
{
    /// <summary>What the rows are, for the log (no personal data).</summary>
    string Kind { get; }

    TimeSpan KeptFor(HousekeepingOptions options);

    /// <summary>Deletes at most <paramref name="batchSize"/> rows that aged out before <paramref name="before"/>; how many it deleted.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken ct);
}
