using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

public sealed record TimelineItem(
    Guid EmailId,
    string Kind,
    string Direction,
    string Title,
    Mailbox From,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    DateTimeOffset SentAt,
    string Preview,
    string LoggedBecause,
    IReadOnlyList<string> Inserted,
    DateTimeOffset? BodyPurgedAt);

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, string? NextCursor);

public sealed record EmailResponse(
    Guid Id,
    string InternetMessageId,
    string? ConversationId,
    string Kind,
    string Direction,
    string Subject,
    string Title,
    Mailbox From,
    Mailbox? Sender,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    IReadOnlyList<Mailbox> Bcc,
    DateTimeOffset SentAt,
    string BodyHtml,
    string Preview,
    string LoggedBecause,
    IReadOnlyList<RecordSummary> Associations,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<string> Inserted,
    DateTimeOffset? BodyPurgedAt);
