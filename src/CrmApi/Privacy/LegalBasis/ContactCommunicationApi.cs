using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary><c>/api/contacts/{id}/...</c>: a contact's legal basis to be emailed, its fixes and its audit trail (read-only).</summary>
public static class ContactCommunicationApi
{
    public static RouteGroupBuilder MapContactCommunication(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts/{id}").WithTags("Privacy");
        group.MapGet("/communication", GetAsync).WithSummary("The contact's legal basis, opt-out and subscriptions");
        group.MapPost("/subscriptions", SubscribeAsync).WithSummary("Add, change or withdraw a subscription with its legal basis");
        group.MapPost("/one-time-basis", GrantOneTimeBasisAsync).WithSummary("A legal basis for one email, with an explanation");
        group.MapPost("/global-opt-out", SetOptOutAsync).WithSummary("Set or clear the contact's opt-out from all email");
        group.MapGet("/audit", AuditAsync).WithSummary("The contact's communication audit trail (append-only)");
        return api;
    }

    private static async Task<Results<Ok<CommunicationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, ContactCommunication communication, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await communication.GetAsync(user, contactId, ct)).ToOk() : badId;

    private static async Task<Results<Ok<CommunicationResponse>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        string id, SubscriptionRequest request, ContactCommunication communication, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await communication.SaveSubscriptionAsync(user, contactId, request, ct)).ToOk() : badId;

    private static async Task<Results<Ok<OneTimeBasisResponse>, ValidationProblem, ProblemHttpResult>> GrantOneTimeBasisAsync(
        string id, OneTimeBasisRequest request, ContactCommunication communication, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await communication.GrantOneTimeBasisAsync(user, contactId, request, ct)).ToOk() : badId;

    /// <summary>A contact's opt-out is their own word: any rep records it, only an admin takes it back.</summary>
    /// Clearing it is an admin action, so it is in the account audit too (the contact's own trail has it as well).
    private static async Task<Results<Ok<CommunicationResponse>, ValidationProblem, ProblemHttpResult>> SetOptOutAsync(
        string id, GlobalOptOutRequest request, ContactCommunication communication, AccountAudit audit, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contactId, out var badId))
        {
            return badId;
        }
        if (request.OptedOut == false && !user.IsAdmin)
        {
            return Problems.Forbidden("Only a CRM admin (Crm.Admin) can clear a contact's opt-out from all email: ask your admin.");
        }
        var outcome = await communication.SetGlobalOptOutAsync(user, contactId, request, ct);
        if (outcome.IsDone && request.OptedOut == false)
        {
            await audit.RecordAsync(user, AuditActions.OptOutCleared, $"contact {contactId}", ct: CancellationToken.None);
        }
        return outcome.ToOk();
    }

    private static async Task<Results<Ok<AuditTrail>, ValidationProblem, ProblemHttpResult>> AuditAsync(
        string id, ContactAuditTrail trail, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await trail.GetAuditAsync(user, contactId, ct)).ToOk() : badId;
}
