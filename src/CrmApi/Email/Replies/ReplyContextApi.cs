using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LoggingRules;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Replies;

/// <summary>
/// <c>GET /api/emails/{id}/reply-context</c>: what the pane needs to reply to or forward a logged email from a
/// timeline: the message's id in the caller's own mailbox (so Outlook's own reply form opens on it), else what a new
/// message needs; and, when a teammate sent the original, who a reply would go to.
/// </summary>
public static class ReplyContextApi
{
    public sealed record ReplyContext(
        Guid EmailId,
        string? MessageId,
        string Subject,
        Mailbox From,
        IReadOnlyList<Mailbox> To,
        IReadOnlyList<Mailbox> Cc,
        Mailbox? SentByTeammate,
        IReadOnlyList<RecordSummary> Associations);

    public static RouteGroupBuilder MapReplyContext(this RouteGroupBuilder api)
    {
        api.MapGet("/emails/{id}/reply-context", GetAsync).WithTags("Emails").WithSummary("How to reply to or forward a logged email from the caller's mailbox");
        return api;
    }

    private static async Task<Results<Ok<ReplyContext>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, EmailReader emails, MailboxStore mailboxes, LoggingStore logging, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var emailId, out var badId))
        {
            return badId;
        }
        if (await emails.GetAsync(user.AccountId, emailId, ct) is not { } email)
        {
            return Problems.NotFound("id", "There is no logged email with this id.");
        }
        var mine = await mailboxes.GetByAddressAsync(user.AccountId, EmailAddresses.Normalize(user.Email), ct);
        var messageId = mine is null ? null : await logging.GetSightingMessageIdAsync(user.AccountId, emailId, mine.Id, ct);
        // Replying to a teammate's email addresses the teammate, not the customer: the pane says so.
        var from = EmailAddresses.Normalize(email.From.Address);
        var teammate = from != EmailAddresses.Normalize(user.Email) && (await logging.InternalAmongAsync(user.AccountId, [from], ct)).Count > 0 ? email.From : null;
        return TypedResults.Ok(new ReplyContext(email.Id, messageId, email.Subject, email.From, email.To, email.Cc, teammate, email.Associations));
    }
}
