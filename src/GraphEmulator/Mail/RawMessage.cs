using MimeKit;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// A raw RFC 5322 message from outside, as Exchange stores it and Graph then shows it: the body in the format it came
/// in, the parts that are attachments as the message's attachments, every header of the block in order.
/// </summary>
public static class RawMessage
{
    /// <summary>The message to deliver, or null when it has no From (Exchange needs a sender to store it).</summary>
    public static Outgoing? Read(MimeMessage mime, HeaderList headers)
    {
        if (mime.From.Mailboxes.FirstOrDefault() is not { } from)
        {
            return null;
        }
        // itemBody's contentType is "text" or "html" (learn.microsoft.com graph/api/resources/itembody). The message
        // page says the body comes as HTML unless Prefer: outlook.body-content-type asks otherwise, but Graph in fact
        // returns a text-only message as text (microsoft-graph-docs-contrib issue 664); the emulator stores the format and
        // converts only when asked (BodyFormat).
        var (body, contentType) = mime.HtmlBody is { } html
            ? (html, BodyContentTypes.Html)
            : (mime.TextBody ?? "", mime.TextBody is null ? BodyContentTypes.Html : BodyContentTypes.Text);
        return new Outgoing(
            new EmailAddress(from.Address, from.Name),
            mime.To.Mailboxes.Select(to => new EmailAddress(to.Address, to.Name)).ToList(),
            mime.Cc.Mailboxes.Select(cc => new EmailAddress(cc.Address, cc.Name)).ToList(),
            [],
            mime.Subject ?? "",
            body,
            [],
            mime.InReplyTo is null ? null : $"<{mime.InReplyTo}>",
            mime.References.Count == 0 ? null : string.Join(' ', mime.References.Select(reference => $"<{reference}>")),
            mime.MessageId is null ? null : $"<{mime.MessageId}>",
            mime.Date == DateTimeOffset.MinValue ? null : mime.Date,
            Attachments: MimeAttachments.Of(mime),
            RawHeaders: headers.Select(header => new Header(header.Field, header.Value)).ToList(),
            BodyContentType: contentType,
            Meeting: MeetingMessage.Of(mime));
    }

    /// <summary>The leaves of a MIME tree in order; an attached message is one leaf (its own parts are its own).</summary>
    public static IEnumerable<MimeEntity> Leaves(MimeEntity? entity) => entity switch
    {
        null => [],
        Multipart multipart => multipart.SelectMany(Leaves),
        _ => [entity],
    };
}
