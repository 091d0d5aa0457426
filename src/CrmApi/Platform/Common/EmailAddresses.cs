using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// The one place that decides what a valid email address is and how it is compared: trimmed, lower-cased, its domain
/// in Unicode form (matching is case-insensitive everywhere, and <c>müller@xn--bcher-kva.de</c> from a mail header is
/// <c>müller@bücher.de</c>; the address as typed is kept for display).
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 320;

    /// <summary>
    /// The form every address is stored, looked up, hashed and compared in. Never throws. The domain is
    /// <see cref="Domains.Normalize"/>'s (IDNA, RFC 5891: an A-label is its U-label). The local part is lower-cased:
    /// RFC 5321 §2.4 lets a receiving host tell Megan@ from megan@, but none in use does, and a CRM that did would split
    /// one person in two. It is not NFC-normalised, though RFC 6532 §3.1 asks that addresses be NFC: the app runs with
    /// InvariantGlobalization, where string.Normalize leaves non-ASCII text as it is. What mail clients write is NFC in
    /// practice, and an A-label decodes to exactly the code points that were encoded, so both spellings meet without it.
    /// </summary>
    public static string Normalize(string address)
    {
        var lowered = address.Trim().ToLowerInvariant();
        var at = lowered.LastIndexOf('@');
        return at < 0 ? lowered : string.Concat(lowered.AsSpan(0, at + 1), Domains.Normalize(lowered[(at + 1)..]));
    }

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

    /// <summary>
    /// The domain of a normalised address, in the form <see cref="Domains.Normalize"/> gives: what company, internal and
    /// never-log domains are compared with.
    /// </summary>
    public static string DomainOf(string normalizedAddress) => normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];

    /// <summary>
    /// A normalised address as it may be written in a subject or body: as it is, and with its domain's ASCII spelling
    /// when that differs (a quoted header says <c>müller@xn--bcher-kva.de</c>). For erasing an address from text.
    /// </summary>
    public static IReadOnlyList<string> Spellings(string normalizedAddress)
    {
        var at = normalizedAddress.LastIndexOf('@');
        var ascii = string.Concat(normalizedAddress.AsSpan(0, at + 1), Domains.AsciiSpelling(DomainOf(normalizedAddress)));
        return ascii == normalizedAddress ? [normalizedAddress] : [normalizedAddress, ascii];
    }

    /// <summary>A host name of two labels or more, each a <see cref="Domains.IsLabel"/> (an A-label or a U-label).</summary>
    private static bool IsDomain(string host)
    {
        var labels = host.Split('.');
        return labels.Length >= 2 && labels.All(Domains.IsLabel);
    }
}
