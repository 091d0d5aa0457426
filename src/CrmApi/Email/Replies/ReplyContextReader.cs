using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Members;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Replies;

/// <summary>
/// <c>RegularMessageId</c>: the same message's id in Graph's default format, what Outlook's forms are documented with.
/// <c>Mailbox</c>: whose copy the ids are (the rep's own mailbox, or a team mailbox they act for), null without ids.
/// <c>SentFromTeamMailbox</c>: a team or help-desk address sent the original, so a reply goes to its recipients.
/// </summary>
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
    IReadOnlyList<RecordSummary> Associations,
    string? Mailbox = null,
    bool SentFromTeamMailbox = false);

/// <summary>
/// How to reply to or forward a logged email: the message's id in a mailbox the caller acts for — their own first, else
/// a team or help-desk mailbox they are a member of (<see cref="ActingMailboxes"/>), so Outlook's own form opens on that
/// copy and the reply threads and goes from that address — else what a new message needs; and, when a teammate (a
/// person, never a team address) sent the original, who a reply would go to.
/// Outlook's <c>displayMessageForm</c> is documented with EWS ids, which <c>convertToEwsId</c> makes from REST ids; whether
/// it takes the EWS form of an immutable id is not documented, so the message's regular id is read from Graph too (one
/// call per click); without it the pane writes a new message instead (docs/first-tenant.md says what to verify).
/// </summary>
public sealed class ReplyContextReader(
    EmailReader emails, MailboxStore mailboxes, ActingMailboxes acting, ThreadStore threads, InternalAddresses internalAddresses, IGraphMailFactory graph,
    ILogger<ReplyContextReader> log)
{
    public async Task<ReplyContext?> GetAsync(CurrentUser user, Guid emailId, CancellationToken ct)
    {
        if (await emails.GetAsync(user.AccountId, emailId, ct) is not { } email)
        {
            return null;
        }
        var (copyIn, messageId) = await CopyAsync(user, emailId, ct);
        // Replying to a teammate's email addresses the teammate, not the customer: the pane says so.
        var from = EmailAddresses.Normalize(email.From.Address);
        var teammate = from != EmailAddresses.Normalize(user.Email) && (await internalAddresses.TeammatesAmongAsync(user.AccountId, [from], ct)).Count > 0 ? email.From : null;
        var fromTeam = await mailboxes.GetByAddressAsync(user.AccountId, from, ct) is { Kind: not MailboxKinds.Personal };
        var regularId = copyIn is null || messageId is null ? null : await RegularIdAsync(copyIn, messageId, ct);
        return new ReplyContext(email.Id, messageId, regularId, email.InternetMessageId, email.Subject, email.From, email.To, email.Cc, teammate, email.Associations,
            copyIn?.Address, fromTeam);
    }

    /// <summary>The first mailbox the caller acts for that holds a copy, and the copy's id there.</summary>
    private async Task<(ConnectedMailbox? Mailbox, string? MessageId)> CopyAsync(CurrentUser user, Guid emailId, CancellationToken ct)
    {
        foreach (var mailbox in await acting.OfAsync(user, ct))
        {
            if (await threads.GetSightingMessageIdAsync(user.AccountId, emailId, mailbox.Id, ct) is { } messageId)
            {
                return (mailbox, messageId);
            }
        }
        return (null, null);
    }

    private async Task<string?> RegularIdAsync(ConnectedMailbox mailbox, string messageId, CancellationToken ct)
    {
        try
        {
            return await graph.ForTenant(mailbox.TenantId).GetDefaultIdAsync(mailbox.GraphKey, messageId, ct);
        }
        catch (Exception error) when (error is Microsoft.Kiota.Abstractions.ApiException or GraphThrottledException or HttpRequestException)
        {
            // Only the way the reply opens depends on it: a new message, addressed and titled, instead of Outlook's form.
            log.LogWarning("The regular id of a message of mailbox {MailboxId} could not be read: {Error}", mailbox.Id, error.GetType().Name);
            return null;
        }
    }
}
