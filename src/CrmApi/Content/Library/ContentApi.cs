using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary><c>/api/content</c>: the library of templates, snippets, documents, meeting links, quotes and articles.</summary>
public static class ContentApi
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapContent(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/content").WithTags("Content");
        group.MapPost("/", CreateAsync).WithSummary("Add an item to the library (private unless shared with a team or everyone)");
        group.MapGet("/", SearchAsync).WithSummary("The items the caller may use, by kind and name or text");
        group.MapGet("/{id}", GetAsync).WithSummary("An item");
        group.MapPatch("/{id}", UpdateAsync).WithSummary("Change an item of one's own");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete an item of one's own");
        group.MapPost("/{id}/rotate-link", RotateLinkAsync).WithSummary("A new public link for a quote or document (its owner's, or an admin's); the old link stops working");
        return api;
    }

    private static async Task<Results<Created<ContentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ContentInput input, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        var outcome = await library.CreateAsync(user, input, ct);
        return outcome.Errors is not null ? Problems.Invalid(outcome.Errors)
            : outcome.MissingField is not null ? Problems.NotFound(outcome.MissingField, outcome.MissingDetail!)
            : TypedResults.Created($"/api/content/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<ContentPage>, ValidationProblem>> SearchAsync(
        string? kind, string? q, int? limit, string? cursor, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var wanted = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();
        if (wanted is not null && !ContentKinds.All.Contains(wanted))
        {
            errors.Add("kind", $"One of {string.Join(", ", ContentKinds.All)}.");
        }
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query?.Length > MaxQueryLength)
        {
            errors.Add("q", $"The search text is at most {MaxQueryLength} characters.");
        }
        Paging.TryLimit(limit, errors, out var pageSize);
        var scope = $"content:{wanted}:{query}";
        Cursor? after = null;
        if (cursor is not null && !Cursor.TryDecode(cursor, scope, out after))
        {
            errors.Add("cursor", "The cursor is not one this list gave out.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(await library.SearchAsync(user, wanted, query, after, pageSize, scope, ct));
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string id, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        return await library.GetAsync(user, contentId, ct) is { } item ? TypedResults.Ok(item) : Problems.NotFound("id", "There is no content item with this id.");
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, ContentInput input, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        return (await library.UpdateAsync(user, contentId, input, ct)).ToOk();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(string id, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        var outcome = await library.DeleteAsync(user, contentId, ct);
        return outcome.Problem() is { } problem ? problem : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> RotateLinkAsync(
        string id, PublicLinks links, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        return (await links.RotateAsync(user, contentId, ct)).ToOk();
    }
}
