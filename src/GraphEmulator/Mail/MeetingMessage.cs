using System.Text.RegularExpressions;
using MimeKit;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// What a message carrying a calendar invitation is in Graph: an eventMessage, "a message that represents a meeting
/// request, cancellation, or response" (learn.microsoft.com graph/api/resources/eventmessage). "When an organizer or app
/// sends a meeting request, the meeting request arrives in an invitee's mailbox as an eventMessage instance with the
/// meetingMessageType of meetingRequest"; its derived types are eventMessageRequest and eventMessageResponse, and each
/// carries its <c>@odata.type</c> in a single GET, a list and a delta page alike (the list-messages example shows
/// <c>"@odata.type": "#microsoft.graph.eventMessageRequest"</c> beside plain messages that have none).
/// </summary>
public sealed record MeetingMessage(string ODataType, string MeetingMessageType, string? ResponseType = null)
{
    public static readonly MeetingMessage Request = new("#microsoft.graph.eventMessageRequest", "meetingRequest");

    public static readonly MeetingMessage Cancellation = new("#microsoft.graph.eventMessage", "meetingCancelled");

    // A reply whose attendee status is none of the three: an eventMessage, since eventMessageResponse's responseType
    // does not support the others ("none, organizer, and notResponded are not supported").
    private static readonly MeetingMessage OtherReply = new("#microsoft.graph.eventMessage", "none");

    /// <summary>
    /// The invitation in a message's MIME tree, if any: the first text/calendar part anywhere (Outlook and Teams send it
    /// inside multipart/alternative, Google inside multipart/alternative inside multipart/mixed) whose calendar holds an
    /// event. The iTIP method (RFC 5546) is the part's <c>method=</c> parameter (RFC 6047 §2.4) or else its METHOD line.
    /// Other methods (PUBLISH, COUNTER, ...) and to-dos stay plain messages.
    /// </summary>
    public static MeetingMessage? Of(MimeMessage mime)
    {
        var part = RawMessage.Leaves(mime.Body).OfType<TextPart>().FirstOrDefault(leaf => leaf.ContentType.IsMimeType("text", "calendar"));
        if (part is null)
        {
            return null;
        }
        // RFC 5545 §3.1: a line is folded by a line break followed by a space or a tab.
        var lines = Regex.Replace(part.Text ?? "", "\r?\n[ \t]", "").Split('\n', StringSplitOptions.TrimEntries);
        if (!lines.Contains("BEGIN:VEVENT", StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
        var method = part.ContentType.Parameters.TryGetValue("method", out string? parameter) ? parameter : Value(lines, "METHOD");
        return method?.Trim().ToUpperInvariant() switch
        {
            "REQUEST" => Request,
            "CANCEL" => Cancellation,
            "REPLY" => Reply(lines),
            _ => null,
        };
    }

    /// <summary>
    /// A reply as the organizer receives it: an eventMessageResponse typed by the replying attendee's PARTSTAT. Graph
    /// spells the tentative one <c>meetingTenativelyAccepted</c> (sic): the value in its metadata and in the SDK's
    /// MeetingMessageType enum, and on the eventMessage page, though the derived types' pages write "Tentatively".
    /// </summary>
    private static MeetingMessage Reply(string[] lines)
    {
        var attendee = lines.FirstOrDefault(line => line.StartsWith("ATTENDEE;", StringComparison.OrdinalIgnoreCase) && line.Contains("PARTSTAT=", StringComparison.OrdinalIgnoreCase));
        var status = attendee is null ? null : Regex.Match(attendee, "PARTSTAT=\"?([A-Za-z-]+)", RegexOptions.IgnoreCase).Groups[1].Value.ToUpperInvariant();
        const string response = "#microsoft.graph.eventMessageResponse";
        return status switch
        {
            "ACCEPTED" => new(response, "meetingAccepted", "accepted"),
            "TENTATIVE" => new(response, "meetingTenativelyAccepted", "tentativelyAccepted"),
            "DECLINED" => new(response, "meetingDeclined", "declined"),
            _ => OtherReply,
        };
    }

    private static string? Value(string[] lines, string name) =>
        lines.FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..];
}
