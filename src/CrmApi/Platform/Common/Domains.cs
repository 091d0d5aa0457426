using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// Domains as the CRM compares and stores them: host names like <c>contoso.com</c>, lower-case, an internationalised
/// label in its Unicode form (<c>bücher.de</c>, never <c>xn--bcher-kva.de</c>). Mail headers carry the ASCII form (IDNA,
/// RFC 5890/5891), people type the Unicode one; both are one domain. The Unicode form is the one kept so that what is
/// stored stays readable, and rows stored before IDNA was handled (typed, so Unicode) keep matching.
/// </summary>
public static class Domains
{
    private const string AcePrefix = "xn--";

    /// <summary>
    /// The one comparable form of a host name (addresses' domains, company, internal and never-log domains): lower-cased,
    /// each valid A-label as its U-label. Never throws: what is not valid IDNA stays as it is, lower-cased.
    /// </summary>
    public static string Normalize(string host)
    {
        var lowered = host.ToLowerInvariant();
        return lowered.Contains(AcePrefix, StringComparison.Ordinal) ? string.Join('.', lowered.Split('.').Select(ULabelOf)) : lowered;
    }

    /// <summary>
    /// The ASCII spelling of a normalised domain (each U-label as its A-label), for finding the domain in text as mail
    /// headers write it; never for comparing, which <see cref="Normalize"/> is for. What has no ASCII spelling is given back.
    /// </summary>
    public static string AsciiSpelling(string normalizedDomain)
    {
        if (Ascii.IsValid(normalizedDomain))
        {
            return normalizedDomain;
        }
        try
        {
            return new IdnMapping().GetAscii(normalizedDomain);
        }
        catch (ArgumentException)
        {
            return normalizedDomain;
        }
    }

    /// <summary>Company and internal domains as typed: trimmed, normalised, without scheme, www or path.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var host = Normalize(value.Trim());
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        if (host.Length > 253 || Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        normalized = host;
        return true;
    }

    /// <summary>
    /// A label of a host name: letters of any script, digits, combining marks and inner hyphens, at most 63 characters.
    /// The marks are IDNA2008's (RFC 5892 §2.1: Mn and Mc are allowed, Thai and Devanagari need them), never first
    /// (RFC 5891 §4.2.3.2).
    /// </summary>
    public static bool IsLabel(string label)
    {
        if (label.Length is 0 or > 63 || label[^1] == '-')
        {
            return false;
        }
        var first = true;
        // EnumerateRunes yields U+FFFD (a symbol, refused) for a broken surrogate pair: never throws.
        foreach (var rune in label.EnumerateRunes())
        {
            if (!(Rune.IsLetterOrDigit(rune) || (!first && (rune.Value == '-' || IsMark(rune)))))
            {
                return false;
            }
            first = false;
        }
        return true;
    }

    /// <summary>
    /// An A-label's U-label, or the label as it is. RFC 5891 §5.3: an A-label is converted to a U-label and back, and is
    /// not one when the two differ (<c>xn--a</c> decodes to nothing; <c>xn--zz</c> is not Punycode at all). A U-label is
    /// lower-case and made of what a label may hold (RFC 5892: upper case is DISALLOWED), so a label that decodes to
    /// upper case, a dot or an invisible character is not taken. The runtime's IdnMapping is used as is: it checks
    /// RFC 3492 Punycode, and the checks above add what IDNA2008 requires that it does not.
    /// </summary>
    private static string ULabelOf(string label)
    {
        if (!label.StartsWith(AcePrefix, StringComparison.Ordinal))
        {
            return label;
        }
        try
        {
            var idna = new IdnMapping();
            var unicode = idna.GetUnicode(label);
            return IsLabel(unicode) && string.Equals(unicode, unicode.ToLowerInvariant(), StringComparison.Ordinal)
                && string.Equals(idna.GetAscii(unicode), label, StringComparison.Ordinal) ? unicode : label;
        }
        catch (ArgumentException)
        {
            return label;
        }
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
