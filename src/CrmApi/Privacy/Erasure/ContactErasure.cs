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
/// proof of lawful processing that art. 17(3)(e) and art. 5(2) allow to be kept.
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
            var addresses = (await RecordStore.GetEmailsAsync(transaction.Connection!, transaction, account, [contactId], ct))[contactId]
                .Select(email => email.AddressNormalized).ToList();
            var subject = new ErasureSubject(account, contactId, addresses);
            var erased = new ErasedData(0, 0);
            foreach (var step in steps)
            {
                var part = await step.EraseAsync(transaction, subject, ct);
                erased = new ErasedData(erased.EmailsDeleted + part.EmailsDeleted, erased.EmailsRedacted + part.EmailsRedacted);
            }
            await records.DeleteAsync(transaction, account, contactId, ct);
            await SuppressedAddressStore.AddAsync(transaction, account, addresses.Select(address => ErasedAddresses.Hash(account, address)), now, ct);
            await AuditStore.AppendAsync(transaction, new AuditEntry
            {
                Id = clock.NewId(),
                AccountId = account,
                ContactId = contactId,
                Event = AuditEvents.Erased,
                Reason = $"{addresses.Count} address(es), {erased.EmailsDeleted} email(s) deleted, {erased.EmailsRedacted} redacted",
                ActorUserId = user.UserId,
                OccurredAt = now,
            }, ct);
            response = new ErasureResponse(contactId, addresses.Count, erased.EmailsDeleted, erased.EmailsRedacted);
        }, ct);
        return Outcome<ErasureResponse>.Done(response!);
    }
}
