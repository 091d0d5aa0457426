using System.Data.Common;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>The contact being erased: its id and every address it had (normalised).</summary>
public sealed record ErasureSubject(Guid AccountId, Guid ContactId, IReadOnlyList<string> Addresses);

/// <summary>
/// What a step removed: emails that concerned the contact alone, emails it was redacted from, and copies waiting in a
/// restorable never-log purge that go for good.
/// </summary>
public sealed record ErasedData(int EmailsDeleted, int EmailsRedacted, int PurgedCopiesDeleted = 0);

/// <summary>
/// Personal data another area keeps about a contact beyond its record (today: logged emails), erased inside the
/// erasure's transaction. Each area answers for its own tables, so erasure knows none of them and a new area that
/// keeps personal data adds a step rather than a change here.
/// </summary>
public interface IPersonalDataErasure
{
    Task<ErasedData> EraseAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct);

    /// <summary>What <see cref="EraseAsync"/> would erase, decided by the same rules, writing nothing.</summary>
    Task<ErasedData> PreviewAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct);
}
