using System.Buffers.Text;
using System.Security.Cryptography;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>A message as a client hands it to the emulator's send or deliver.</summary>
public sealed record Outgoing(
    EmailAddress From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    IReadOnlyList<EmailAddress> Bcc,
    string Subject,
    string Body,
    IReadOnlyList<Header> CustomHeaders,
    string? InReplyTo,
    string? References,
    string? InternetMessageId = null,
    DateTimeOffset? Date = null,
    EmailAddress? Sender = null,
    IReadOnlyList<Attachment>? Attachments = null,
    IReadOnlyList<Header>? RawHeaders = null,
    string BodyContentType = BodyContentTypes.Html,
    MeetingMessage? Meeting = null);

/// <summary>
/// Makes the copies Exchange would store: the sender's Sent Items copy (custom x- headers only in its raw MIME, the
/// add-in's custom properties on it) and a received copy (headers in <c>internetMessageHeaders</c>).
/// </summary>
public sealed class MessageFactory(EmulatorOptions options, TimeProvider clock)
{
    public static string NewMessageId() => "AAMk" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    public static string NewInternetMessageId(string senderAddress)
    {
        var domain = senderAddress[(senderAddress.IndexOf('@') + 1)..];
        return $"<{Guid.NewGuid():N}@{domain}>";
    }

    public EmulatedMessage SentCopy(EmulatedMailbox sender, Outgoing mail, string internetMessageId, IReadOnlyDictionary<string, string>? customProperties)
    {
        var properties = Threading(mail);
        if (customProperties is { Count: > 0 })
        {
            properties[ExtendedPropertyIds.CustomProperties(options.AddinId)] = System.Text.Json.JsonSerializer.Serialize(customProperties);
        }
        return Create(sender, WellKnownFolders.SentItems, mail, internetMessageId, properties, receivedHeaders: []);
    }

    /// <summary>
    /// The recipient's copy. A raw message from outside keeps every header it arrived with, in order, as Graph lists them
    /// in <c>internetMessageHeaders</c> ("the collection of message headers defined by RFC5322", learn.microsoft.com
    /// graph/api/resources/message; shape in ../shared/corpus/graph/message-get-internetMessageHeaders.json).
    /// </summary>
    public EmulatedMessage ReceivedCopy(EmulatedMailbox recipient, Outgoing mail, string internetMessageId)
    {
        var headers = mail.RawHeaders ?? MimeHeaders(mail, internetMessageId);
        return Create(recipient, WellKnownFolders.Inbox, mail, internetMessageId, Threading(mail), headers);
    }

    /// <summary>An old message already in a folder when the mailbox is connected (a pre-filled mailbox), received at <paramref name="receivedAt"/>.</summary>
    public EmulatedMessage OldCopy(EmulatedMailbox mailbox, string folder, Outgoing mail, DateTimeOffset receivedAt)
    {
        var internetMessageId = NewInternetMessageId(mail.From.Address);
        return Create(mailbox, folder, mail with { Date = receivedAt }, internetMessageId, Threading(mail),
            folder == WellKnownFolders.Inbox ? MimeHeaders(mail, internetMessageId) : [], receivedAt);
    }

    private EmulatedMessage Create(
        EmulatedMailbox mailbox, string folder, Outgoing mail, string internetMessageId, Dictionary<string, string> properties, IReadOnlyList<Header> receivedHeaders,
        DateTimeOffset? receivedAt = null)
    {
        var parent = mail.InReplyTo is null ? null : mailbox.FindByInternetMessageId(mail.InReplyTo);
        var now = receivedAt ?? clock.GetUtcNow();
        // What the sender's client wrote: the raw header block from outside, or the custom headers of a send.
        var headers = mail.RawHeaders ?? mail.CustomHeaders;
        return new EmulatedMessage
        {
            Id = NewMessageId(),
            Folder = folder,
            InternetMessageId = internetMessageId,
            ConversationId = parent?.ConversationId ?? "AAQk" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)),
            // 22 bytes start a conversation; each reply or forward adds 5 (MS-OXOMSG PidTagConversationIndex).
            ConversationIndex = parent is null ? RandomNumberGenerator.GetBytes(22) : [.. parent.ConversationIndex, .. RandomNumberGenerator.GetBytes(5)],
            Subject = mail.Subject,
            Body = mail.Body,
            BodyContentType = mail.BodyContentType,
            Meeting = mail.Meeting,
            Importance = HeaderFacts.Importance(headers),
            IsReadReceiptRequested = HeaderFacts.ReadReceiptRequested(headers),
            IsDeliveryReceiptRequested = HeaderFacts.DeliveryReceiptRequested(headers),
            From = mail.From,
            // Send-on-behalf from a shared mailbox: from is the mailbox, sender the agent who sent it.
            Sender = mail.Sender ?? mail.From,
            To = mail.To,
            Cc = mail.Cc,
            // Bcc is visible on the sender's copy only.
            Bcc = folder == WellKnownFolders.SentItems ? mail.Bcc : [],
            SentDateTime = mail.Date ?? now,
            ReceivedDateTime = now,
            InReplyTo = mail.InReplyTo,
            References = mail.References,
            InternetMessageHeaders = receivedHeaders,
            MimeHeaders = MimeHeaders(mail, internetMessageId),
            ExtendedProperties = properties,
            Attachments = mail.Attachments ?? [],
        };
    }

    private static Dictionary<string, string> Threading(Outgoing mail)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mail.InReplyTo is not null)
        {
            properties[ExtendedPropertyIds.InReplyTo] = mail.InReplyTo;
        }
        if (mail.References is not null)
        {
            properties[ExtendedPropertyIds.References] = mail.References;
        }
        return properties;
    }

    private static List<Header> MimeHeaders(Outgoing mail, string internetMessageId)
    {
        List<Header> headers =
        [
            new("From", Format(mail.From)),
            new("To", string.Join(", ", mail.To.Select(Format))),
            new("Subject", mail.Subject),
            new("Message-ID", internetMessageId),
            new("MIME-Version", "1.0"),
        ];
        if (mail.Cc.Count > 0)
        {
            headers.Add(new("Cc", string.Join(", ", mail.Cc.Select(Format))));
        }
        if (mail.InReplyTo is not null)
        {
            headers.Add(new("In-Reply-To", mail.InReplyTo));
        }
        if (mail.References is not null)
        {
            headers.Add(new("References", mail.References));
        }
        headers.AddRange(mail.CustomHeaders);
        return headers;
    }

    private static string Format(EmailAddress address) => address.Name is null ? address.Address : $"\"{address.Name}\" <{address.Address}>";
}
