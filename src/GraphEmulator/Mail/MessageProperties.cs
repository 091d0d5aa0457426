using System.Globalization;
using System.Text.Json.Nodes;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// The message resource's properties (learn.microsoft.com graph/api/resources/message), each as Graph writes it; the
/// default set, in the order of the documentation's "Get message" example (../shared/corpus/graph/message-get-example1.json).
/// </summary>
public static class MessageProperties
{
    public static readonly string[] Default =
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime", "hasAttachments",
        "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId", "conversationIndex",
        "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification",
        "meetingMessageType", "responseType", "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
    ];

    /// <summary>The property's JSON, or null when the message has no such property (it is then left out).</summary>
    public static JsonNode? Value(EmulatedMessage message, string property, string? bodyType = null) => property switch
    {
        "createdDateTime" or "receivedDateTime" or "lastModifiedDateTime" => message.ReceivedDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        "sentDateTime" => message.SentDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        "changeKey" => message.ChangeKey,
        // The emulator's mailboxes have no categories, flags or Other tab: what a new message has in Exchange.
        "categories" => new JsonArray(),
        "flag" => new JsonObject { ["flagStatus"] = "notFlagged" },
        "inferenceClassification" => "focused",
        "importance" => message.Importance,
        "isDeliveryReceiptRequested" => message.IsDeliveryReceiptRequested,
        "isReadReceiptRequested" => message.IsReadReceiptRequested,
        "webLink" => $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(message.Id)}&exvsurl=1&viewmodel=ReadMessageItem",
        "internetMessageId" => message.InternetMessageId,
        "conversationId" => message.ConversationId,
        "conversationIndex" => Convert.ToBase64String(message.ConversationIndex),
        "subject" => message.Subject,
        "bodyPreview" => Preview(message),
        "body" => Body(message, bodyType),
        // uniqueBody only when selected ("not provided by default"). Graph leaves out the quoted earlier messages; the
        // emulator does not look for quotes and gives the whole body.
        "uniqueBody" => Body(message, bodyType),
        "from" => Recipient(message.From),
        "sender" => Recipient(message.Sender),
        "toRecipients" => Recipients(message.To),
        "ccRecipients" => Recipients(message.Cc),
        "bccRecipients" => Recipients(message.Bcc),
        "replyTo" => new JsonArray(),
        "isDraft" => message.Folder == WellKnownFolders.Drafts,
        "isRead" => false,
        "parentFolderId" => message.Folder,
        "hasAttachments" => message.HasAttachments,
        // eventMessage's and eventMessageResponse's own properties; a plain message has neither.
        "meetingMessageType" => message.Meeting?.MeetingMessageType,
        "responseType" => message.Meeting?.ResponseType,
        "internetMessageHeaders" => new JsonArray(message.InternetMessageHeaders
            .Select(header => (JsonNode)new JsonObject { ["name"] = header.Name, ["value"] = header.Value }).ToArray()),
        _ => null,
    };

    private static JsonObject Body(EmulatedMessage message, string? bodyType)
    {
        var (contentType, content) = BodyFormat.Of(message, bodyType);
        return new() { ["contentType"] = contentType, ["content"] = content };
    }

    private static JsonObject Recipient(EmailAddress address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = address.Name ?? address.Address, ["address"] = address.Address } };

    private static JsonArray Recipients(IReadOnlyList<EmailAddress> addresses) =>
        new(addresses.Select(address => (JsonNode)Recipient(address)).ToArray());

    /// <summary>
    /// bodyPreview: "the first 255 characters of the message body. It is in text format" (the eventMessage page): for
    /// HTML, the text a reader sees, without the head, styles and scripts, entities decoded.
    /// </summary>
    private static string Preview(EmulatedMessage message)
    {
        var text = message.BodyContentType == BodyContentTypes.Text ? message.Body : BodyFormat.Text(message.Body);
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 255 ? text : text[..255];
    }
}
