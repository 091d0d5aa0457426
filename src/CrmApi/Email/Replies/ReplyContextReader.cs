using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Replies;

/// <summary><c>RegularMessageId</c>: the same message's id in Graph's default format, what Outlook's forms are documented with.</summary>
public sealed record ReplyContext(
    Guid EmailId,
    string? MessageId,
    string? RegularMessageId,
    string InternetMessageId,
    string Subject,
    Mailbox From,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    Mailbox? SentByTeammate,
    IReadOnlyList<RecordSummary> Associations);

/// <summary>
/// How to reply to or forward a logged email: the message's id in the caller's own mailbox (so Outlook's own reply form
/// opens on it), else what a new message needs; and, when a teammate sent the original, who a reply would go to.
/// Outlook's <c>displayMessageForm</c> is documented with EWS ids, which <c>convertToEwsId</c> makes from REST ids; whether
/// it takes the EWS form of an immutable id is not documented, so the message's regular id is read from Graph too (one
/// call per click); without it the pane writes a new message instead (docs/first-tenant.md says what to verify).
/// </summary>
public sealed class ReplyContextReader(
    EmailReader emails, MailboxStore mailboxes, ThreadStore threads, InternalAddresses internalAddresses, IGraphMailFactory graph, ILogger<ReplyContextReader> log)
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
        var regularId = mine is null || messageId is null ? null : await RegularIdAsync(mine, messageId, ct);
        return new ReplyContext(email.Id, messageId, regularId, email.InternetMessageId, email.Subject, email.From, email.To, email.Cc, teammate, email.Associations);
    }

    private async Task<string?> RegularIdAsync(ConnectedMailbox mailbox, string messageId, CancellationToken ct)
    {
        try
        {
            return await graph.ForTenant(mailbox.TenantId).GetDefaultIdAsync(mailbox.Address, messageId, ct);
        }
        catch (Exception error) when (error is Microsoft.Kiota.Abstractions.ApiException or GraphThrottledException or HttpRequestException)
        {
            // Only the way the reply opens depends on it: a new message, addressed and titled, instead of Outlook's form.
            log.LogWarning("The regular id of a message of mailbox {MailboxId} could not be read: {Error}", mailbox.Id, error.GetType().Name);
            return null;
        }
    }
}
