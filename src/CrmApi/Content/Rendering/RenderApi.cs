using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Content.Rendering;

/// <summary><c>POST /api/content/{id}/render</c>: a library item filled in for the email's records.</summary>
public static class RenderApi
{
    public static RouteGroupBuilder MapContentRendering(this RouteGroupBuilder api)
    {
        api.MapGroup("/content").WithTags("Content")
            .MapPost("/{id}/render", RenderAsync).WithSummary("The item personalised for the email's records, ready to insert");
        return api;
    }

    private static async Task<Results<Ok<RenderedContent>, ValidationProblem, ProblemHttpResult>> RenderAsync(
        string id, RenderRequest request, ContentRenderer renderer, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        return (await renderer.RenderAsync(user, contentId, request, ct)).ToOk();
    }
}
