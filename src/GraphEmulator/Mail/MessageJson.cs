using System.Text.Json.Nodes;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// A message as Graph v1.0 returns it: the real property names and shapes, <c>$select</c> honoured (with
/// <c>internetMessageHeaders</c> only when selected), and <c>$expand=singleValueExtendedProperties($filter=id eq '…')</c>.
/// </summary>
public static class MessageJson
{
    private static readonly string[] DefaultProperties =
    [
        "id", "createdDateTime", "lastModifiedDateTime", "receivedDateTime", "sentDateTime", "internetMessageId", "conversationId",
        "conversationIndex", "subject", "bodyPreview", "body", "from", "sender", "toRecipients", "ccRecipients", "bccRecipients",
        "replyTo", "isDraft", "isRead", "parentFolderId", "hasAttachments", "meetingMessageType", "responseType",
    ];

    /// <summary>
    /// The message's JSON. A derived type (an eventMessage) always names itself in <c>@odata.type</c>; a plain message
    /// does so only when <paramref name="typed"/>, as in delta pages, whose documented items all carry
    /// <c>"@odata.type": "#microsoft.graph.message"</c> (learn.microsoft.com graph/api/message-delta).
    /// </summary>
    public static JsonObject Project(EmulatedMessage message, string? select, string? expand, bool typed = false, string? context = null)
    {
        var wanted = string.IsNullOrWhiteSpace(select)
            ? DefaultProperties
            : select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = new JsonObject();
        if (context is not null)
        {
            json["@odata.context"] = context;
        }
        if ((message.Meeting?.ODataType ?? (typed ? "#microsoft.graph.message" : null)) is { } type)
        {
            json["@odata.type"] = type;
        }
        json["@odata.etag"] = message.ETag;
        json["id"] = message.Id;
        foreach (var property in wanted)
        {
            if (Value(message, property) is { } value)
            {
                json[property] = value;
            }
        }
        if (ExpandedPropertyIds(expand) is { } ids)
        {
            json["singleValueExtendedProperties"] = new JsonArray(message.ExtendedProperties
                .Where(property => ids.Contains(property.Key, StringComparer.OrdinalIgnoreCase))
                .Select(property => (JsonNode)new JsonObject { ["id"] = property.Key, ["value"] = property.Value })
                .ToArray());
        }
        return json;
    }

    /// <summary>
    /// <c>@odata.context</c> as the documentation shows it: <c>$metadata#users('…')/messages/$entity</c> for one message,
    /// with the selected properties in parentheses when <c>$select</c> was given.
    /// </summary>
    public static string Context(string user, string? select, bool entity) =>
        $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/messages{(string.IsNullOrWhiteSpace(select) ? "" : $"({select})")}{(entity ? "/$entity" : "")}";

    private static JsonNode? Value(EmulatedMessage message, string property) => property switch
    {
        "createdDateTime" or "receivedDateTime" or "lastModifiedDateTime" => message.ReceivedDateTime.UtcDateTime.ToString("O"),
        "sentDateTime" => message.SentDateTime.UtcDateTime.ToString("O"),
        "internetMessageId" => message.InternetMessageId,
        "conversationId" => message.ConversationId,
        "conversationIndex" => Convert.ToBase64String(message.ConversationIndex),
        "subject" => message.Subject,
        "bodyPreview" => Preview(message),
        "body" => new JsonObject { ["contentType"] = message.BodyContentType, ["content"] = message.Body },
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

    private static JsonObject Recipient(EmailAddress address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = address.Name ?? address.Address, ["address"] = address.Address } };

    private static JsonArray Recipients(IReadOnlyList<EmailAddress> addresses) =>
        new(addresses.Select(address => (JsonNode)Recipient(address)).ToArray());

    /// <summary>bodyPreview: "the first 255 characters of the message body", as text (the message resource page).</summary>
    private static string Preview(EmulatedMessage message)
    {
        var text = message.BodyContentType == BodyContentTypes.Text ? message.Body : System.Text.RegularExpressions.Regex.Replace(message.Body, "<[^>]+>", " ");
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 255 ? text : text[..255];
    }

    /// <summary>The ids named in <c>singleValueExtendedProperties($filter=id eq 'a' or id eq 'b')</c>, or null when not expanded.</summary>
    private static List<string>? ExpandedPropertyIds(string? expand)
    {
        if (expand is null || !expand.Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return System.Text.RegularExpressions.Regex.Matches(expand, "id eq '([^']*)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(match => match.Groups[1].Value).ToList();
    }
}
