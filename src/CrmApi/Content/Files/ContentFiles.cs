using System.Net.Mime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.RateLimits;

namespace OutlookCrm.CrmApi.Content.Files;

/// <summary>
/// A document's file: uploaded by its owner (<c>PUT /api/content/{id}/file?fileName=</c>, the bytes as the body) and
/// downloaded by whoever has the email's link (<c>/files/{token}</c>). Downloads are always attachments, never
/// rendered by the browser on this origin, and typed only as one of a few known document types.
/// </summary>
public static class ContentFiles
{
    public const int MaxBytes = 10 * 1024 * 1024;

    // Shown as what they are; anything else is served as opaque bytes.
    private static readonly HashSet<string> KnownTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    public static RouteGroupBuilder MapContentFiles(this RouteGroupBuilder api)
    {
        api.MapPut("/content/{id}/file", UploadAsync).WithTags("Content").WithSummary("Attach a file to a document of one's own (the request body is the file)");
        return api;
    }

    public static WebApplication MapContentFileDownloads(this WebApplication app)
    {
        app.MapGet($"{PublicContent.FilePath}/{{token}}", DownloadAsync).AllowAnonymous().RequireRateLimiting(AddressRateLimit.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string id, string? fileName, HttpRequest request, ContentStore store, ContentLibrary library, ContentFileStore files, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var contentId, out var badId))
        {
            return badId;
        }
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length is 0 or > 200 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return Problems.Invalid("fileName", "Give the file's name (?fileName=proposal.pdf).");
        }
        var item = await store.GetVisibleAsync(user.AccountId, user.UserId, contentId, ct);
        if (item is null)
        {
            return Problems.NotFound("id", "There is no content item with this id.");
        }
        if (item.OwnerUserId != user.UserId)
        {
            return Problems.Forbidden("Only its owner attaches a file to this document.");
        }
        if (item.Kind != ContentKinds.Document)
        {
            return Problems.Invalid("id", "Only a document carries a file.");
        }
        if (await RequestBodies.ReadLimitedAsync(request, MaxBytes, ct) is not { } body)
        {
            return Problems.Invalid("file", $"At most {MaxBytes / 1024 / 1024} MB.");
        }
        if (body.IsEmpty)
        {
            return Problems.Invalid("file", "The request body is the file, and it is empty.");
        }
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.ToString() : MediaTypeNames.Application.Octet;
        await files.ReplaceAsync(new ContentFileUpload(contentId, user.AccountId, user.UserId, name, contentType, body.ToArray(), clock.GetUtcNow()), ct);
        var saved = await store.GetVisibleAsync(user.AccountId, user.UserId, contentId, ct);
        return TypedResults.Ok(library.ToResponse(saved!, user));
    }

    private static async Task<IResult> DownloadAsync(string token, ContentFileStore files, HttpContext http, CancellationToken ct)
    {
        if (token.Length is 0 or > 64)
        {
            return Results.NotFound();
        }
        var file = await files.GetByPublicTokenAsync(token, ct);
        if (file is null)
        {
            return Results.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.CacheControl = "private, no-store";
        var contentType = KnownTypes.Contains(file.ContentType) ? file.ContentType : MediaTypeNames.Application.Octet;
        return Results.File(file.Bytes, contentType, file.FileName);
    }
}
