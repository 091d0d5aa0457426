using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// Bulk and automatic mail never reaches a timeline on its own (an explicit intent still wins): mailing lists and
/// newsletters, auto-replies by every common convention, delivery reports, read receipts and calendar items. Each test
/// names the standard or the client convention it follows.
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
        "automatisch antwoord:", "resposta automática:", "automatiskt svar:", "自動応答:",
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
        // RFC 2369 / RFC 2919: list mail carries its list's headers.
        if (Header("List-Unsubscribe") is not null)
        {
            return "bulk mail (List-Unsubscribe)";
        }
        if (Header("List-Id") is not null)
        {
            return "mailing list (List-Id)";
        }
        var precedence = Header("Precedence")?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "list" or "junk")
        {
            return $"bulk mail (Precedence: {precedence})";
        }
        // RFC 3834 §5: anything but "no" is automatic.
        if (Header("Auto-Submitted") is { } autoSubmitted && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return "automatic mail (Auto-Submitted)";
        }
        if (AutoReplyMarker(Header, precedence) is { } marker)
        {
            return $"automatic reply ({marker})";
        }
        if (Header("Content-Type") is { } contentType)
        {
            // RFC 6522 reports: RFC 8098 read receipts and RFC 3464 delivery reports; an RFC 5545 calendar item.
            if (contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase))
            {
                return contentType.Contains("disposition-notification", StringComparison.OrdinalIgnoreCase) ? "read receipt" : "delivery report (bounce)";
            }
            if (contentType.Contains("text/calendar", StringComparison.OrdinalIgnoreCase))
            {
                return "calendar item";
            }
        }
        // Outlook and Exchange write this Content-Class on meeting messages ([MS-OXCMAIL] 2.2.3.2.15; the example of
        // [MS-ASCMD] 4.16.1.2): the mark left when a meeting message reaches us as mail rather than as an eventMessage.
        if (Header("Content-Class") is { } contentClass && contentClass.Contains("calendarmessage", StringComparison.OrdinalIgnoreCase))
        {
            return "calendar item";
        }
        if (BounceSenders.Any(sender => fromAddress.StartsWith(sender, StringComparison.OrdinalIgnoreCase)))
        {
            return "delivery report (bounce)";
        }
        var lowered = subject.TrimStart().ToLowerInvariant();
        return AutoReplySubjects.FirstOrDefault(prefix => lowered.StartsWith(prefix, StringComparison.Ordinal)) is not null
            ? "automatic reply (subject)"
            : null;
    }

    /// <summary>
    /// Auto-replies that do not say Auto-Submitted: Exchange stamps the messages its inbox rules and out-of-office
    /// assistant generate with X-MS-Exchange-Inbox-Rules-Loop; vacation tools (cPanel, Zimbra, procmail recipes) use
    /// X-Autoreply / X-Autorespond; some use Precedence: auto_reply.
    /// </summary>
    private static string? AutoReplyMarker(Func<string, string?> header, string? precedence) =>
        header("X-MS-Exchange-Inbox-Rules-Loop") is not null ? "Exchange inbox rule"
        : header("X-Autoreply") is { } autoreply && !autoreply.Trim().Equals("no", StringComparison.OrdinalIgnoreCase) ? "X-Autoreply"
        : header("X-Autorespond") is not null ? "X-Autorespond"
        : precedence == "auto_reply" ? "Precedence: auto_reply"
        : null;
}
