using System.Data.Common;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

public sealed record ErasureResponse(Guid ContactId, int AddressesErased, int EmailsDeleted, int EmailsRedacted);

/// <summary>
/// GDPR art. 17 erasure of a contact, in one transaction: every area that keeps personal data about it erases its part
/// (<see cref="IPersonalDataErasure"/>: logged emails deleted or redacted); the contact, its addresses and every row
/// that points at it are deleted; each address goes on the suppression list as a hash; the audit trail gains an
/// "erased" entry with no personal data. The trail keeps what it held (the legal bases and explanations given) as the
/// proof of lawful processing that art. 17(3)(e) and art. 5(2) allow to be kept. The preview asks the same steps and
/// the same references what they would take, in a read transaction that writes nothing.
/// </summary>
public sealed class ContactErasure(Db db, RecordReader reader, RecordStore records, IEnumerable<IPersonalDataErasure> steps, TimeProvider clock)
{
    public async Task<Outcome<ErasureResponse>> EraseAsync(CurrentUser user, Guid contactId, CancellationToken ct)
    {
        var found = await reader.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is null)
        {
            return found.Failed<ErasureResponse>();
        }
        var now = clock.GetUtcNow();
        var account = user.AccountId;
        ErasureResponse? response = null;
        await db.InTransactionAsync(async transaction =>
        {
            var subject = await SubjectAsync(transaction, account, contactId, ct);
            var erased = new ErasedData(0, 0);
            foreach (var step in steps)
            {
                erased = Sum(erased, await step.EraseAsync(transaction, subject, ct));
            }
            await records.DeleteAsync(transaction, account, contactId, ct);
            await SuppressedAddressStore.AddAsync(transaction, account, subject.Addresses.Select(address => ErasedAddresses.Hash(account, address)), now, ct);
            await AuditStore.AppendAsync(transaction, new AuditEntry
            {
                Id = clock.NewId(),
                AccountId = account,
                ContactId = contactId,
                Event = AuditEvents.Erased,
                Reason = $"{subject.Addresses.Count} address(es), {erased.EmailsDeleted} email(s) deleted, {erased.EmailsRedacted} redacted",
                ActorUserId = user.UserId,
                OccurredAt = now,
            }, ct);
            response = new ErasureResponse(contactId, subject.Addresses.Count, erased.EmailsDeleted, erased.EmailsRedacted);
        }, ct);
        return Outcome<ErasureResponse>.Done(response!);
    }

    public async Task<Outcome<ErasurePreview>> PreviewAsync(CurrentUser user, Guid contactId, CancellationToken ct)
    {
        var found = await reader.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<ErasurePreview>();
        }
        var account = user.AccountId;
        var preview = await db.InReadTransactionAsync(async transaction =>
        {
            var subject = await SubjectAsync(transaction, account, contactId, ct);
            var erased = new ErasedData(0, 0);
            foreach (var step in steps)
            {
                erased = Sum(erased, await step.PreviewAsync(transaction, subject, ct));
            }
            var related = await records.CountReferencesAsync(transaction, account, contactId, ct);
            return new ErasurePreview(contactId, contact.Name, subject.Addresses, subject.Addresses.Count, erased.EmailsDeleted, erased.EmailsRedacted,
                erased.PurgedCopiesDeleted, related.ToDictionary(count => count.Kind, count => count.Count));
        }, ct);
        return Outcome<ErasurePreview>.Done(preview);
    }

    /// <summary>The contact and every address it has, as both the erasure and its preview see them.</summary>
    private static async Task<ErasureSubject> SubjectAsync(DbTransaction transaction, Guid account, Guid contactId, CancellationToken ct)
    {
        var addresses = (await RecordStore.GetEmailsAsync(transaction.Connection!, transaction, account, [contactId], ct))[contactId]
            .Select(email => email.AddressNormalized).ToList();
        return new ErasureSubject(account, contactId, addresses);
    }

    private static ErasedData Sum(ErasedData total, ErasedData part) =>
        new(total.EmailsDeleted + part.EmailsDeleted, total.EmailsRedacted + part.EmailsRedacted, total.PurgedCopiesDeleted + part.PurgedCopiesDeleted);
}

/// <summary>
/// What erasing the contact would do, counted by the erasure's own rules: the addresses that go on the suppression
/// list, logged emails deleted (they concerned the contact alone) or redacted, copies in restorable purges deleted, and
/// the rows of other concepts that go with the record (<c>related</c>: associations, timelineEntries, legalBasisRows,
/// addressChoices). The contact's legal-basis audit trail is kept, so it is not counted.
/// </summary>
public sealed record ErasurePreview(
    Guid ContactId, string Name, IReadOnlyList<string> Addresses, int AddressesSuppressed, int EmailsDeleted, int EmailsRedacted,
    int PurgedCopiesDeleted, IReadOnlyDictionary<string, int> Related);
