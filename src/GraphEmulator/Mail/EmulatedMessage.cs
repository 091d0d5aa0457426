namespace OutlookCrm.GraphEmulator.Mail;

public sealed record EmailAddress(string Address, string? Name);

public sealed record Header(string Name, string Value);

/// <summary>
/// An attachment as Graph lists it: a <c>fileAttachment</c>, or an <c>itemAttachment</c> for an attached message
/// (learn.microsoft.com graph/api/resources/fileattachment and itemattachment). Size is in bytes of the decoded content.
/// </summary>
public sealed record Attachment(string Id, string Name, string? ContentType, int Size, bool IsInline, string? ContentId = null, bool IsItem = false);

/// <summary>A message in one mailbox's folder, with the properties Graph exposes for it.</summary>
public sealed class EmulatedMessage
{
    public required string Id { get; init; }
    public required string Folder { get; init; }
    public required string InternetMessageId { get; init; }
    public required string ConversationId { get; init; }
    public required byte[] ConversationIndex { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }

    /// <summary><c>html</c>, or <c>text</c> for a message that has only a text body (itemBody's contentType).</summary>
    public string BodyContentType { get; init; } = BodyContentTypes.Html;
    public required EmailAddress From { get; init; }
    public required EmailAddress Sender { get; init; }
    public required IReadOnlyList<EmailAddress> To { get; init; }
    public required IReadOnlyList<EmailAddress> Cc { get; init; }
    public required IReadOnlyList<EmailAddress> Bcc { get; init; }
    public required DateTimeOffset SentDateTime { get; init; }
    public required DateTimeOffset ReceivedDateTime { get; init; }
    public string? InReplyTo { get; init; }
    public string? References { get; init; }

    /// <summary>Headers as Graph lists them in <c>internetMessageHeaders</c>: received copies only (Exchange drops them from Sent Items).</summary>
    public required IReadOnlyList<Header> InternetMessageHeaders { get; init; }

    /// <summary>Every header of the raw message (<c>/$value</c>), custom x- headers included, also on the Sent Items copy.</summary>
    public required IReadOnlyList<Header> MimeHeaders { get; init; }

    /// <summary>MAPI properties by their Graph id, e.g. <c>String 0x1042</c> (In-Reply-To).</summary>
    public required IReadOnlyDictionary<string, string> ExtendedProperties { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>A meeting request, cancellation or response (Graph's eventMessage types); null for a plain message.</summary>
    public MeetingMessage? Meeting { get; init; }

    /// <summary>
    /// Graph's hasAttachments: "This property doesn't include inline attachments, so if a message contains only inline
    /// attachments, this property is false" (learn.microsoft.com graph/api/resources/message).
    /// </summary>
    public bool HasAttachments => Attachments.Any(attachment => !attachment.IsInline);

    /// <summary>importance: <c>low</c>, <c>normal</c> or <c>high</c> (the message resource).</summary>
    public string Importance { get; init; } = "normal";

    public bool IsReadReceiptRequested { get; init; }

    public bool IsDeliveryReceiptRequested { get; init; }

    /// <summary>
    /// changeKey, "the version of the message"; Graph's <c>@odata.etag</c> is the same value as <c>W/"…"</c>, as in the
    /// documented example (message-get-example1.json).
    /// </summary>
    public string ChangeKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(30));

    public string ETag => $"W/\"{ChangeKey}\"";
}

public static class BodyContentTypes
{
    public const string Html = "html";
    public const string Text = "text";
}

public static class WellKnownFolders
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";
    public const string Drafts = "drafts";

    public static readonly IReadOnlyList<string> All = [Inbox, SentItems, Drafts];

    public static string? Normalize(string name) => name.Trim('\'', '(', ')').ToLowerInvariant() switch
    {
        "inbox" => Inbox,
        "sentitems" => SentItems,
        "drafts" => Drafts,
        _ => null,
    };
}

public static class ExtendedPropertyIds
{
    public const string InReplyTo = "String 0x1042";
    public const string References = "String 0x1039";
    public const string InternetMessageId = "String 0x1035";

    public static string CustomProperties(string addinId) => $"String {{00020329-0000-0000-C000-000000000046}} Name cecp-{addinId.ToLowerInvariant()}";
}
