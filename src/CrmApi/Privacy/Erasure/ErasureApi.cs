using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary><c>POST /api/contacts/{id}/erase</c>: the right to erasure (GDPR art. 17).</summary>
public static class ErasureApi
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/{id}/erase", EraseAsync).WithTags("Privacy")
            .WithSummary("Erase a contact and its personal data in logged emails; its addresses are never logged again");
        return api;
    }

    private static async Task<Results<Ok<ErasureResponse>, ValidationProblem, ProblemHttpResult>> EraseAsync(
        string id, ContactErasure erasure, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var contactId, out var badId) ? (await erasure.EraseAsync(user, contactId, ct)).ToOk() : badId;
}
