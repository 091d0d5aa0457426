using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

public static class InternalDomains
{
    /// <summary>
    /// The account's own domains count with their subdomains (eu.contoso.com is contoso.com). Both sides are normalised
    /// (<see cref="Domains.Normalize"/>), so an internationalised domain matches in either spelling.
    /// </summary>
    public static bool Contains(IReadOnlyList<string> domains, string normalizedAddress)
    {
        var domain = EmailAddresses.DomainOf(normalizedAddress);
        return domains.Any(own => domain == own || domain.EndsWith("." + own, StringComparison.Ordinal));
    }
}
