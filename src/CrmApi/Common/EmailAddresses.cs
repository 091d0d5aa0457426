using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace OutlookCrm.CrmApi.Common;

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
        // MailAddress accepts "Name <a@b>" and quoted forms; a CRM address must be the bare address itself.
        if (!string.Equals(parsed.Address, trimmed, StringComparison.Ordinal) || !IsDomain(parsed.Host))
        {
            return false;
        }
        normalized = Normalize(trimmed);
        return true;
    }

    /// <summary>The domain of a normalised address, used to suggest the company of a new contact.</summary>
    public static string DomainOf(string normalizedAddress) => normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];

    private static bool IsDomain(string host) =>
        host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal);
}
