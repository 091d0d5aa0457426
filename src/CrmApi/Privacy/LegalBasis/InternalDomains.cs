namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

public static class InternalDomains
{
    /// <summary>The account's own domains count with their subdomains (eu.contoso.com is contoso.com).</summary>
    public static bool Contains(IReadOnlyList<string> domains, string normalizedAddress)
    {
        var domain = normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];
        return domains.Any(own => domain == own || domain.EndsWith("." + own, StringComparison.Ordinal));
    }
}
