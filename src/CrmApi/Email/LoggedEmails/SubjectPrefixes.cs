using System.Text.RegularExpressions;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// Reply and forward prefixes as mail clients write them in many languages (graph-webhooks.md §2.3): English RE/FW/Fwd,
/// German AW/WG, Nordic SV/VS/VB/VL, Polish ODP/PD, French TR, Spanish/Portuguese RE/RV/ENC, Dutch Antw/Doorst,
/// Italian RIF/Inoltro, Turkish YNT/ILT, Greek, Hebrew and Chinese — optionally counted ("Re[2]:") and stacked.
/// Only a fallback: the intent's compose type and the In-Reply-To/References headers come first.
/// </summary>
public static partial class SubjectPrefixes
{
    private static readonly string[] Replies = ["RE", "RES", "AW", "SV", "VS", "ODP", "RV", "ANTW", "RIF", "YNT", "ΑΠ", "ΣΧΕΤ", "תגובה", "回复", "答复"];
    private static readonly string[] Forwards = ["FW", "FWD", "WG", "VB", "VL", "TR", "ENC", "PD", "DOORST", "INOLTRO", "ILT", "ΠΡΘ", "הועבר", "转发"];

    /// <summary>The kind the outermost prefix says (reply or forward), or null when the subject has none.</summary>
    public static string? KindOf(string subject)
    {
        var match = OnePrefix().Match(subject);
        if (!match.Success)
        {
            return null;
        }
        var prefix = match.Groups["prefix"].Value.ToUpperInvariant();
        return Forwards.Contains(prefix) ? EmailKinds.Forward : Replies.Contains(prefix) ? EmailKinds.Reply : null;
    }

    /// <summary>The subject without its stacked prefixes: "RE: AW: Fwd: Pricing" → "Pricing".</summary>
    public static string Strip(string subject)
    {
        var rest = subject;
        for (var match = OnePrefix().Match(rest); match.Success; match = OnePrefix().Match(rest))
        {
            rest = rest[match.Length..];
        }
        return rest.Trim();
    }

    [GeneratedRegex(@"^\s*[\[(]?\s*(?<prefix>RES|RE|AW|SV|VS|ODP|RV|ANTW|RIF|YNT|ΑΠ|ΣΧΕΤ|תגובה|回复|答复|FWD|FW|WG|VB|VL|TR|ENC|PD|DOORST|INOLTRO|ILT|ΠΡΘ|הועבר|转发)\s*(\[\d+\]|\(\d+\))?\s*[\])]?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnePrefix();
}
