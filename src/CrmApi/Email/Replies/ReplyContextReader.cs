using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Replies;

public sealed record ReplyContext(
    Guid EmailId,
    string? MessageId,
    string Subject,
    Mailbox From,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    Mailbox? SentByTeammate,
    IReadOnlyList<RecordSummary> Associations);

/// <summary>
/// How to reply to or forward a logged email: the message's id in the caller's own mailbox (so Outlook's own reply form
/// opens on it), else what a new message needs; and, when a teammate sent the original, who a reply would go to.
/// </summary>
public sealed class ReplyContextReader(EmailReader emails, MailboxStore mailboxes, ThreadStore threads, InternalAddresses internalAddresses)
{
    public async Task<ReplyContext?> GetAsync(CurrentUser user, Guid emailId, CancellationToken ct)
    {
        if (await emails.GetAsync(user.AccountId, emailId, ct) is not { } email)
        {
            return null;
        }
        var mine = await mailboxes.GetByAddressAsync(user.AccountId, EmailAddresses.Normalize(user.Email), ct);
        var messageId = mine is null ? null : await threads.GetSightingMessageIdAsync(user.AccountId, emailId, mine.Id, ct);
        // Replying to a teammate's email addresses the teammate, not the customer: the pane says so.
        var from = EmailAddresses.Normalize(email.From.Address);
        var teammate = from != EmailAddresses.Normalize(user.Email) && (await internalAddresses.AmongAsync(user.AccountId, [from], ct)).Count > 0 ? email.From : null;
        return new ReplyContext(email.Id, messageId, email.Subject, email.From, email.To, email.Cc, teammate, email.Associations);
    }
}
