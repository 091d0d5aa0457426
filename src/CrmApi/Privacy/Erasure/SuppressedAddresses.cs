using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>The suppression list as the CRM asks it: which of these addresses were erased and may not come back.</summary>
public sealed class SuppressedAddresses(SuppressedAddressStore store) : ISuppressedAddresses
{
    public async Task<IReadOnlySet<string>> AmongAsync(Guid accountId, IReadOnlyCollection<string> normalizedAddresses, CancellationToken ct)
    {
        var byHash = normalizedAddresses.Distinct().ToDictionary(address => ErasedAddresses.Hash(accountId, address));
        var erased = await store.GetErasedHashesAsync(accountId, byHash.Keys, ct);
        return erased.Select(hash => byHash[hash]).ToHashSet();
    }
}
