using System.Data.Common;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Privacy.Erasure;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// A contact's erasure in logged emails: emails that concerned it alone are deleted; in emails that concerned others
/// too its addresses are redacted (participants, sender, subject, body, preview).
/// </summary>
public sealed class EmailErasure : IPersonalDataErasure
{
    public async Task<ErasedData> EraseAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct)
    {
        // A purge restorable for 30 days must not bring an erased person back: their purged emails go for good.
        var purgedCopies = await EmailTrashStore.CountOfAddressesAsync(transaction, subject.AccountId, subject.Addresses, ct);
        foreach (var address in subject.Addresses)
        {
            await EmailTrashStore.DeleteOfAddressAsync(transaction, subject.AccountId, address, ct);
        }
        var (alone, shared) = await ClassifyAsync(transaction, subject, ct);
        if (alone.Count > 0)
        {
            await EmailStore.DeleteManyAsync(transaction, subject.AccountId, alone, ct);
        }
        if (shared.Count > 0)
        {
            await RedactAsync(transaction, subject, shared, ct);
        }
        return new ErasedData(alone.Count, shared.Count, purgedCopies);
    }

    public async Task<ErasedData> PreviewAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct)
    {
        var (alone, shared) = await ClassifyAsync(transaction, subject, ct);
        return new ErasedData(alone.Count, shared.Count, await EmailTrashStore.CountOfAddressesAsync(transaction, subject.AccountId, subject.Addresses, ct));
    }

    /// <summary>
    /// An email concerned the contact alone when no other contact is associated with it and every other participant
    /// is internal (a user or an internal domain of the account).
    /// </summary>
    private static async Task<(List<Guid> Alone, List<Guid> Shared)> ClassifyAsync(DbTransaction transaction, ErasureSubject subject, CancellationToken ct)
    {
        var (account, contactId, addresses) = subject;
        var touching = await EmailErasureStore.GetEmailsTouchingAsync(transaction, account, contactId, addresses, ct);
        if (touching.Count == 0)
        {
            return ([], []);
        }
        var withOtherContacts = await EmailErasureStore.GetEmailsWithOtherContactsAsync(transaction, account, contactId, touching, ct);
        var participants = await EmailErasureStore.GetParticipantAddressesAsync(transaction, account, touching, ct);
        var others = participants.Select(p => p.AddressNormalized).Where(address => !addresses.Contains(address)).Distinct().ToList();
        var (domains, users) = await PrivacyStore.GetInternalAsync(transaction.Connection!, transaction, account, others, ct);
        bool IsOtherPerson(string address) => !addresses.Contains(address) && !users.Contains(address) && !InternalDomains.Contains(domains, address);
        var shared = touching.Where(email => withOtherContacts.Contains(email)
            || participants.Any(p => p.EmailId == email && IsOtherPerson(p.AddressNormalized))).ToList();
        return (touching.Except(shared).ToList(), shared);
    }

    private static async Task RedactAsync(DbTransaction transaction, ErasureSubject subject, List<Guid> emailIds, CancellationToken ct)
    {
        var (account, _, addresses) = subject;
        foreach (var address in addresses)
        {
            var redactedNormalized = ErasedAddresses.RedactedNormalized(ErasedAddresses.Hash(account, address));
            await EmailErasureStore.RedactParticipantAsync(transaction, account, emailIds, address, ErasedAddresses.RedactedAddress, redactedNormalized, ct);
        }
        foreach (var email in await EmailErasureStore.GetTextsAsync(transaction, account, emailIds, ct))
        {
            var fromErased = addresses.Contains(EmailAddresses.Normalize(email.FromAddress));
            await EmailErasureStore.ReplaceTextsAsync(transaction, account, email with
            {
                Subject = Scrub(email.Subject, addresses),
                FromAddress = fromErased ? ErasedAddresses.RedactedAddress : email.FromAddress,
                FromName = fromErased ? null : email.FromName,
                BodyHtml = Scrub(email.BodyHtml, addresses),
                Preview = Scrub(email.Preview, addresses),
            }, ct);
        }
    }

    /// <summary>Each address in either spelling of its domain: a quoted header writes bücher.de as xn--bcher-kva.de.</summary>
    private static string Scrub(string text, IReadOnlyList<string> addresses) =>
        addresses.SelectMany(EmailAddresses.Spellings).Aggregate(text, (scrubbed, address) => scrubbed.Replace(address, ErasedAddresses.RedactedText, StringComparison.OrdinalIgnoreCase));
}
