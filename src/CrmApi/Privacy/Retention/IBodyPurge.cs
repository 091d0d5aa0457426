namespace OutlookCrm.CrmApi.Privacy.Retention;

/// <summary>
/// Where email bodies are kept, and how they are emptied once the account's retention has run out: the Email area's
/// logged emails answer it, so retention decides when and the owner of the table decides how.
/// </summary>
public interface IBodyPurge
{
    /// <summary>Empties the bodies of at most <paramref name="batchSize"/> of the account's emails sent before <paramref name="before"/>; how many it emptied.</summary>
    Task<int> PurgeBodiesAsync(Guid accountId, DateTimeOffset before, DateTimeOffset now, int batchSize, CancellationToken ct);
}
