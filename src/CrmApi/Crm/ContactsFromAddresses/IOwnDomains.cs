namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

/// <summary>
/// Whether an address is at one of the account's own domains, which name no customer company. The account keeps them
/// in its privacy settings (internal domains); the CRM asks through this rather than reaching into Privacy.
/// </summary>
public interface IOwnDomains
{
    Task<bool> IsOwnAsync(Guid accountId, string normalizedAddress, CancellationToken ct);
}
