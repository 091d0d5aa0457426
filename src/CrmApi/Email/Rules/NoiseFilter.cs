using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// Bulk and automatic mail never reaches a timeline on its own (an explicit intent still wins): mailing lists and
/// newsletters, auto-replies by every common convention, delivery reports, read receipts, complaints and calendar
/// items. Each test names the standard or the client convention it follows; the most specific reason is given first
/// (a bounce says Auto-Submitted too, an auto-reply often says Precedence: bulk).
/// </summary>
public static class NoiseFilter
{
    private static readonly string[] BounceSenders = ["mailer-daemon@", "postmaster@"];

    /// <summary>
    /// The subject prefixes auto-replies carry: Exchange/Outlook's out-of-office reply in the languages it is most often
    /// set up in, and the plain forms other responders use. Only an auto-reply's prefix: "Re:" or a topic never counts.
    /// </summary>
    private static readonly string[] AutoReplySubjects =
    [
        "automatic reply:", "auto reply:", "autoreply:", "auto-reply:", "out of office:", "out of office reply:",
        "automatische antwort:", "réponse automatique :", "réponse automatique:", "respuesta automática:", "risposta automatica:",
        "automatisch antwoord:", "resposta automática:", "automatiskt svar:", "automatyczna odpowiedź:", "自動応答:",
    ];

    /// <summary>
    /// Why the message is noise, or null when it is ordinary mail. A meeting request, cancellation or response comes
    /// first: Exchange turns a message with a text/calendar part (nested in multipart/alternative or multipart/mixed, as
    /// Outlook, Teams and Google send invitations, [MS-OXCMAIL] 2.1.3.3.8) into a meeting message, which Graph gives as
    /// an <c>eventMessage</c>, whatever its top-level Content-Type says.
    /// </summary>
    public static string? Reason(FetchedMessage message) =>
        message.MeetingMessage is { } meeting
            ? $"calendar item ({meeting})"
            : Reason(message.InternetMessageHeaders, message.From.Address, message.Subject);

    /// <summary>Why a message with these headers is noise, or null when it is ordinary mail.</summary>
    public static string? Reason(IReadOnlyList<KeyValuePair<string, string>> headers, string fromAddress, string subject = "")
    {
        string? Header(string name) => headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        var precedence = Header("Precedence")?.Trim().ToLowerInvariant();
        return Report(Header("Content-Type"), Header("Content-Class"))
            ?? (BounceSenders.Any(sender => fromAddress.StartsWith(sender, StringComparison.OrdinalIgnoreCase)) ? "delivery report (bounce)" : null)
            // RFC 3834 §5: anything but "no" is automatic.
            ?? (Header("Auto-Submitted") is { } autoSubmitted && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase) ? "automatic mail (Auto-Submitted)" : null)
            ?? (AutoReplyMarker(Header, precedence) is { } marker ? $"automatic reply ({marker})" : null)
            // RFC 2369 / RFC 2919: list mail carries its list's headers.
            ?? (Header("List-Unsubscribe") is not null ? "bulk mail (List-Unsubscribe)" : null)
            ?? (Header("List-Id") is not null ? "mailing list (List-Id)" : null)
            ?? (precedence is "bulk" or "list" or "junk" ? $"bulk mail (Precedence: {precedence})" : null)
            ?? (AutoReplySubjects.Any(prefix => subject.TrimStart().StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? "automatic reply (subject)" : null);
    }

    /// <summary>
    /// RFC 6522 reports by their report-type: RFC 3464 delivery reports, RFC 8098 read receipts, RFC 5965 feedback
    /// (spam complaint) reports; an RFC 5545 calendar item at the top; and the Content-Class Outlook and Exchange write
    /// on meeting messages ([MS-OXCMAIL] 2.2.3.2.15; the example of [MS-ASCMD] 4.16.1.2), the mark left when a meeting
    /// message reaches us as mail rather than as an eventMessage.
    /// </summary>
    private static string? Report(string? contentType, string? contentClass)
    {
        if (contentType is not null && contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return contentType.Contains("disposition-notification", StringComparison.OrdinalIgnoreCase) ? "read receipt"
                : contentType.Contains("delivery-status", StringComparison.OrdinalIgnoreCase) ? "delivery report (bounce)"
                : contentType.Contains("feedback-report", StringComparison.OrdinalIgnoreCase) ? "complaint (feedback report)"
                : "report (multipart/report)";
        }
        return contentType is not null && contentType.Contains("text/calendar", StringComparison.OrdinalIgnoreCase)
            || contentClass is not null && contentClass.Contains("calendarmessage", StringComparison.OrdinalIgnoreCase)
            ? "calendar item"
            : null;
    }

    /// <summary>
    /// Auto-replies that do not say Auto-Submitted: Exchange stamps the messages its inbox rules and out-of-office
    /// assistant generate with X-MS-Exchange-Inbox-Rules-Loop; vacation tools (cPanel, Zimbra, procmail recipes) use
    /// X-Autoreply / X-Autorespond; iCloud's vacation reply says X-Apple-Action: VACATION; some use Precedence: auto_reply.
    /// </summary>
    private static string? AutoReplyMarker(Func<string, string?> header, string? precedence) =>
        header("X-MS-Exchange-Inbox-Rules-Loop") is not null ? "Exchange inbox rule"
        : header("X-Autoreply") is { } autoreply && !autoreply.Trim().Equals("no", StringComparison.OrdinalIgnoreCase) ? "X-Autoreply"
        : header("X-Autorespond") is not null ? "X-Autorespond"
        : header("X-Apple-Action") is { } apple && apple.Contains("VACATION", StringComparison.OrdinalIgnoreCase) ? "iCloud vacation reply"
        : precedence == "auto_reply" ? "Precedence: auto_reply"
        : null;
}
