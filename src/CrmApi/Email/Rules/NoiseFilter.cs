namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// Bulk and automatic mail never reaches a timeline on its own (an explicit intent still wins): mailing lists and
/// newsletters (List-Unsubscribe, List-Id, Precedence bulk/list/junk), auto-replies and notifications (Auto-Submitted
/// other than "no"), bounces (delivery reports, mailer-daemon senders) and calendar items.
/// </summary>
public static class NoiseFilter
{
    private static readonly string[] BounceSenders = ["mailer-daemon@", "postmaster@"];

    /// <summary>Why the message is noise, or null when it is ordinary mail.</summary>
    public static string? Reason(IReadOnlyList<KeyValuePair<string, string>> headers, string fromAddress)
    {
        string? Header(string name) => headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        if (Header("List-Unsubscribe") is not null)
        {
            return "bulk mail (List-Unsubscribe)";
        }
        if (Header("List-Id") is not null)
        {
            return "mailing list (List-Id)";
        }
        if (Header("Precedence")?.Trim().ToLowerInvariant() is "bulk" or "list" or "junk")
        {
            return $"bulk mail (Precedence: {Header("Precedence")!.Trim().ToLowerInvariant()})";
        }
        if (Header("Auto-Submitted") is { } autoSubmitted && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return "automatic mail (Auto-Submitted)";
        }
        if (Header("Content-Type") is { } contentType
            && (contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase) || contentType.Contains("text/calendar", StringComparison.OrdinalIgnoreCase)))
        {
            return contentType.Contains("calendar", StringComparison.OrdinalIgnoreCase) ? "calendar item" : "delivery report (bounce)";
        }
        if (BounceSenders.Any(sender => fromAddress.StartsWith(sender, StringComparison.OrdinalIgnoreCase)))
        {
            return "delivery report (bounce)";
        }
        return null;
    }
}
