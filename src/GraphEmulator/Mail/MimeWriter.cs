using MimeKit;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>The raw RFC 5322 message Graph serves at <c>/$value</c>, built with MimeKit from the stored headers.</summary>
public static class MimeWriter
{
    public static MimeMessage ToMime(EmulatedMessage message)
    {
        var mime = new MimeMessage();
        foreach (var header in message.MimeHeaders.Where(header => !IsAddressOrStructural(header.Name)))
        {
            mime.Headers.Add(header.Name, header.Value);
        }
        mime.From.Add(new MailboxAddress(message.From.Name, message.From.Address));
        mime.To.AddRange(message.To.Select(to => new MailboxAddress(to.Name, to.Address)));
        mime.Cc.AddRange(message.Cc.Select(cc => new MailboxAddress(cc.Name, cc.Address)));
        mime.Subject = message.Subject;
        mime.MessageId = message.InternetMessageId.Trim('<', '>');
        mime.Date = message.SentDateTime;
        mime.Body = new TextPart(message.BodyContentType == BodyContentTypes.Text ? "plain" : "html") { Text = message.Body };
        return mime;
    }

    private static bool IsAddressOrStructural(string name) =>
        name.Equals("From", StringComparison.OrdinalIgnoreCase) || name.Equals("To", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cc", StringComparison.OrdinalIgnoreCase) || name.Equals("Subject", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) || name.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase);
}
