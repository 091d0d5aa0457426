using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>A mailbox's user: its Entra object id (the same as the oid of that user's tokens) and its SMTP address.</summary>
public sealed record GraphUser(string Id, string Mail);

public enum MailboxProbeResult
{
    Readable,
    NotFound,
    Denied,
}

/// <summary>What Graph said to a mailbox probe; <see cref="Detail"/> is Graph's error code and message when it refused.</summary>
public sealed record MailboxProbe(MailboxProbeResult Result, string? Detail = null);

public sealed record GraphSubscriptionInfo(string Id, string Resource, string NotificationUrl, DateTimeOffset ExpiresAt);

/// <summary>
/// A message as the worker needs it, read with one Graph GET. <see cref="MeetingMessage"/> says what kind of meeting
/// message Graph says it is (an <c>eventMessage</c>: a request, a cancellation, a response), null for mail.
/// </summary>
public sealed record FetchedMessage(
    string Id,
    string InternetMessageId,
    string? ConversationId,
    string Subject,
    string BodyHtml,
    Mailbox From,
    Mailbox Sender,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    IReadOnlyList<Mailbox> Bcc,
    DateTimeOffset SentAt,
    bool IsDraft,
    string? InReplyTo,
    string? References,
    string? AddinCustomProperties,
    IReadOnlyList<KeyValuePair<string, string>> InternetMessageHeaders,
    bool HasAttachments = false,
    string? MeetingMessage = null);

/// <summary>An attachment as the timeline records it: metadata only, the content is never downloaded.</summary>
public sealed record AttachmentInfo(string Name, string ContentType, long Size, bool IsInline);

public sealed record DeltaItem(string Id, bool Removed, DateTimeOffset? ReceivedAt);

/// <summary>One page of a folder delta round: the next page link, or the delta link once the round is done.</summary>
public sealed record DeltaPage(IReadOnlyList<DeltaItem> Items, string? NextLink, string? DeltaLink);

/// <summary>Graph said 429 or 503: come back after <see cref="RetryAfter"/>.</summary>
public sealed class GraphThrottledException(TimeSpan retryAfter, int status) : Exception($"Graph answered {status}; retry after {retryAfter}")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Graph no longer knows a delta token (410 Gone): the folder needs a full resync.</summary>
public sealed class DeltaExpiredException() : Exception("The delta link has expired");
