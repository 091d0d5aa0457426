using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>A contact's append-only audit trail as the API shows it.</summary>
public sealed class ContactAuditTrail(RecordReader records, PrivacyStore store)
{
    public async Task<Outcome<AuditTrail>> GetAuditAsync(CurrentUser user, Guid contactId, CancellationToken ct)
    {
        var entries = await store.GetAuditAsync(user.AccountId, contactId, ct);
        // An erased contact has no record any more, but its (non-personal) trail is still readable by its id.
        if (entries.Count == 0 && await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct) is { IsDone: false } missing)
        {
            return missing.Failed<AuditTrail>();
        }
        return Outcome<AuditTrail>.Done(new AuditTrail(contactId, entries.Select(AuditEntryResponse.From).ToList()));
    }
}
