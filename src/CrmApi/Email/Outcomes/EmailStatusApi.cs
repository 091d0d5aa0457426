using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Outcomes;

/// <summary><c>GET /api/emails/status</c>: what the server knows of an email, for the pane's "logged / pending / not logged".</summary>
public static class EmailStatusApi
{
    public sealed record Sighting(Guid MailboxId, string Outcome, string Reason, DateTimeOffset DecidedAt);

    public sealed record EmailStatus(string Status, string? Reason, Guid? EmailId, IReadOnlyList<RecordSummary> Records, IReadOnlyList<Sighting> Mailboxes);

    public static RouteGroupBuilder MapEmailStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/emails/status", StatusAsync).WithTags("Logging").WithSummary("Logged, pending or not logged (with why), by Internet Message-ID or tracking id");
        return api;
    }

    private static async Task<Results<Ok<EmailStatus>, ValidationProblem>> StatusAsync(
        string? internetMessageId, string? trackingId, OutcomeStore store, LogIntentStore intents, EmailReader emails, CurrentUser user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(internetMessageId) == string.IsNullOrWhiteSpace(trackingId))
        {
            return Problems.Invalid("internetMessageId", "Give either internetMessageId or trackingId.");
        }
        var outcomes = await store.GetOutcomesAsync(user.AccountId, internetMessageId?.Trim(), trackingId?.Trim(), ct);
        var sightings = outcomes.Select(outcome => new Sighting(outcome.MailboxId, outcome.Outcome, outcome.Reason, outcome.DecidedAt)).ToList();
        var emailId = outcomes.FirstOrDefault(outcome => outcome.EmailId is not null)?.EmailId;
        if (emailId is null && trackingId is not null)
        {
            emailId = (await intents.GetAsync(user.AccountId, trackingId.Trim(), ct))?.EmailId;
        }
        if (emailId is { } id && await emails.GetAsync(user.AccountId, id, ct) is { } email)
        {
            return TypedResults.Ok(new EmailStatus(OutcomeKinds.Logged, email.LoggedBecause, id, email.Associations, sightings));
        }
        var last = outcomes.Count > 0 ? outcomes[^1] : null;
        return last is null
            ? TypedResults.Ok(new EmailStatus("pending", "not seen in a connected mailbox yet", null, [], sightings))
            : TypedResults.Ok(new EmailStatus(OutcomeKinds.NotLogged, last.Reason, null, [], sightings));
    }
}
