using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>The account's internal domains, as the CRM's contacts-from-addresses asks for them.</summary>
public sealed class OwnDomains(PrivacyStore privacy) : IOwnDomains
{
    public async Task<bool> IsOwnAsync(Guid accountId, string normalizedAddress, CancellationToken ct) =>
        InternalDomains.Contains(await privacy.GetInternalDomainsAsync(accountId, ct), normalizedAddress);
}
