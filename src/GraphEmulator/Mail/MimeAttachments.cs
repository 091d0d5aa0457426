using MimeKit;
using MimeKit.IO;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// The parts of a raw message that Exchange keeps as attachments, as <c>GET .../messages/{id}/attachments</c> lists
/// them (learn.microsoft.com graph/api/resources/attachment): name, content type, size in bytes, and isInline ("true if
/// the attachment is an inline attachment", i.e. referenced from the body by its Content-Id).
/// </summary>
public static class MimeAttachments
{
    // What Outlook shows for an attachment that has no name.
    private const string Untitled = "Untitled attachment";

    public static List<Attachment> Of(MimeMessage mime) => RawMessage.Leaves(mime.Body).Select(Describe).OfType<Attachment>().ToList();

    public static string NewId() => "AAMkatt" + Guid.NewGuid().ToString("N");

    private static Attachment? Describe(MimeEntity leaf) => leaf switch
    {
        // An attached (forwarded, bounced) message is an itemAttachment, whose contentType Graph returns as null
        // "by default, when not set explicitly" (learn.microsoft.com graph/api/resources/itemattachment).
        MessagePart message => new Attachment(NewId(), message.ContentDisposition?.FileName ?? message.Message?.Subject ?? Untitled, null, Measure(message), false, message.ContentId, IsItem: true),
        MimePart part when part.IsAttachment => File(part, isInline: false),
        MimePart part when IsBodyText(part) => null,
        // Content-Disposition: inline (or none, as in multipart/related) with a Content-Id the body refers to as cid:.
        MimePart { ContentId: not null } part => File(part, isInline: true),
        MimePart { FileName: not null } part => File(part, isInline: false),
        _ => null,
    };

    private static Attachment File(MimePart part, bool isInline) =>
        new(NewId(), part.FileName ?? Untitled, part.ContentType.MimeType, Measure(part), isInline, part.ContentId);

    // The text and HTML bodies and the calendar part are the message itself, not attachments, unless named as files.
    private static bool IsBodyText(MimePart part) =>
        part.FileName is null && part.ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase);

    private static int Measure(MimePart part)
    {
        using var measuring = new MeasuringStream();
        part.Content?.DecodeTo(measuring);
        return (int)Math.Min(measuring.Length, int.MaxValue);
    }

    private static int Measure(MessagePart message)
    {
        using var measuring = new MeasuringStream();
        message.Message?.WriteTo(measuring);
        return (int)Math.Min(measuring.Length, int.MaxValue);
    }
}
