namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>
/// Addresses erased at the person's request (GDPR art. 17) never come back into the CRM, not even by hand. Privacy
/// keeps that list; records ask through this rather than reaching into it.
/// </summary>
public interface ISuppressedAddresses
{
    /// <summary>Which of these normalised addresses are suppressed.</summary>
    Task<IReadOnlySet<string>> AmongAsync(Guid accountId, IReadOnlyCollection<string> normalizedAddresses, CancellationToken ct);
}
