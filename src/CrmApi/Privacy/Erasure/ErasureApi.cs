using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary><c>POST /api/contacts/{id}/erase</c>: the right to erasure (GDPR art. 17), and its preview before an admin confirms.</summary>
public static class ErasureApi
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/{id}/erase", EraseAsync).WithTags("Privacy")
            .WithSummary("Erase a contact and its personal data in logged emails; its addresses are never logged again");
        api.MapGet("/contacts/{id}/erase/preview", PreviewAsync).WithTags("Privacy")
            .WithSummary("What erasing the contact would delete or redact, counted by the erasure's own rules; writes nothing");
        return api;
    }

    private static async Task<Results<Ok<ErasureResponse>, ValidationProblem, ProblemHttpResult>> EraseAsync(
        string id, ContactErasure erasure, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await erasure.EraseAsync(user, contactId, ct)).ToOk() : badId;

    private static async Task<Results<Ok<ErasurePreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string id, ContactErasure erasure, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await erasure.PreviewAsync(user, contactId, ct)).ToOk() : badId;
}
