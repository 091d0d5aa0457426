using System.Text.RegularExpressions;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// Reply and forward prefixes as mail clients write them in many languages (graph-webhooks.md §2.3, and the "List of
/// email subject abbreviations"): English RE/FW/Fwd, German AW/WG, Swedish SV/VB, Finnish VS/VL, Danish and Norwegian
/// SV/VS, Polish ODP/PD, French TR, Spanish RE/RV (RV is "reenviado": a forward), Portuguese RES/ENC, Dutch
/// Antw/Doorst, Italian Outlook's R/I ("risposta"/"inoltrato") and RIF/Inoltro, Turkish YNT/ILT, Greek, Hebrew, Arabic,
/// Japanese 転送 and Chinese 回复/回覆/转发/轉寄 — optionally counted ("Re[2]:") and stacked.
/// VS collides (a Finnish reply, a Danish or Norwegian forward): it says nothing on its own. Only a fallback: the
/// rules' MessageKind trusts the intent's compose type, then In-Reply-To and References, and asks the prefix only what
/// they leave open.
/// </summary>
public static partial class SubjectPrefixes
{
    private static readonly string[] Replies = ["RE", "RES", "R", "AW", "SV", "ODP", "ANTW", "RIF", "YNT", "ΑΠ", "ΣΧΕΤ", "תגובה", "رد", "回复", "答复", "回覆"];
    private static readonly string[] Forwards = ["FW", "FWD", "WG", "VB", "VL", "TR", "ENC", "RV", "I", "PD", "DOORST", "INOLTRO", "ILT", "ΠΡΘ", "הועבר", "転送", "转发", "轉寄"];

    /// <summary>The kind the outermost prefix says (reply or forward), or null when the subject has none or an ambiguous one.</summary>
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

    // Longer alternatives first (RES before RE before R, FWD before FW); VS is matched to be stripped, not classified.
    [GeneratedRegex(@"^\s*[\[(]?\s*(?<prefix>RES|RE|RIF|R|AW|SV|VS|ODP|RV|ANTW|YNT|ΑΠ|ΣΧΕΤ|תגובה|رد|回复|答复|回覆|FWD|FW|WG|VB|VL|TR|ENC|INOLTRO|I|PD|DOORST|ILT|ΠΡΘ|הועבר|転送|转发|轉寄)\s*(\[\d+\]|\(\d+\))?\s*[\])]?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnePrefix();
}
