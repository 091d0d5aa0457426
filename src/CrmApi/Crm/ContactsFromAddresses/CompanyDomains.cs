using System.Globalization;

namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

/// <summary>What an email domain says about a company: nothing for personal mail, else a name to start with.</summary>
public static class CompanyDomains
{
    // The providers people use for private mail: an address there belongs to a person, not to a company.
    private static readonly HashSet<string> Personal = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net",
        "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com",
        "naver.com", "orange.fr", "free.fr", "laposte.net", "libero.it", "t-online.de", "btinternet.com",
    };

    // Providers that serve the same private mail under country domains: yahoo.co.uk, hotmail.fr, gmx.at.
    private static readonly HashSet<string> CountryBrands = new(StringComparer.Ordinal) { "yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "aol" };

    public static bool IsPersonal(string domain)
    {
        if (Personal.Contains(domain))
        {
            return true;
        }
        var labels = domain.Split('.');
        return labels.Length <= 3 && CountryBrands.Contains(labels[0]) && labels.Skip(1).All(label => label.Length <= 3);
    }

    /// <summary>"fabrikam.com" → "Fabrikam"; "sales.northwind-traders.co.uk" → "Northwind-traders".</summary>
    public static string NameFor(string domain)
    {
        var labels = domain.Split('.');
        // A two-letter country code under a short second level (co.uk, com.au) makes the name one label further left.
        var nameIndex = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? labels.Length - 3 : labels.Length - 2;
        var name = labels[Math.Max(nameIndex, 0)];
        return CultureInfo.InvariantCulture.TextInfo.ToUpper(name[0]) + name[1..];
    }

    /// <summary>The domain and its parents, longest first: a contact at eu.fabrikam.com belongs to fabrikam.com.</summary>
    public static IReadOnlyList<string> WithParents(string domain)
    {
        var labels = domain.Split('.');
        return Enumerable.Range(0, labels.Length - 1).Select(skip => string.Join('.', labels.Skip(skip))).ToList();
    }
}
