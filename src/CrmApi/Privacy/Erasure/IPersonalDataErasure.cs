using System.Data.Common;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>The contact being erased: its id and every address it had (normalised).</summary>
public sealed record ErasureSubject(Guid AccountId, Guid ContactId, IReadOnlyList<string> Addresses);

/// <summary>What a step removed: emails that concerned the contact alone, and emails it was redacted from.</summary>
public sealed record ErasedData(int EmailsDeleted, int EmailsRedacted);

/// <summary>
/// Personal data another area keeps about a contact beyond its record (today: logged emails), erased inside the
/// erasure's transaction. Each area answers for its own tables, so erasure knows none of them and a new area that
/// keeps personal data adds a step rather than a change here.
/// </summary>
public interface IPersonalDataErasure
{
    Task<ErasedData> EraseAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct);
}
