using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// The one place that decides what a valid email address is and how it is compared: trimmed and lower-cased
/// (matching is case-insensitive everywhere; the address as typed is kept for display).
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 320;

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>A bare address (no display name, no angle brackets) with a local part and a dotted domain.</summary>
    public static bool TryNormalize(string? address, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }
        var trimmed = address.Trim();
        if (trimmed.Length > MaxLength || !MailAddress.TryCreate(trimmed, out var parsed))
        {
            return false;
        }
        // MailAddress accepts "Name <a@b>", quoted local parts ("a b"@x) and domain literals (a@[1.2.3.4], even
        // "'@[ (.0]", found by the property tests): a CRM address is the bare address, with a host name and nothing
        // blank or invisible in it.
        if (!string.Equals(parsed.Address, trimmed, StringComparison.Ordinal) || !IsDomain(parsed.Host)
            || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"'
                // Invisible format characters (zero-width space, right-to-left override): an address that looks like
                // another one.
                || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return false;
        }
        normalized = Normalize(trimmed);
        return true;
    }

    /// <summary>The domain of a normalised address, used to suggest the company of a new contact.</summary>
    public static string DomainOf(string normalizedAddress) => normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];

    /// <summary>A host name of two labels or more, each of letters (any script), digits and inner hyphens.</summary>
    private static bool IsDomain(string host)
    {
        var labels = host.Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');
    }
}
