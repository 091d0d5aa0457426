using System.Net.Mime;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

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

    private sealed record FileRow
    {
        public required string FileName { get; init; }
        public required string ContentType { get; init; }
        public required byte[] Bytes { get; init; }
    }

    private const string DeleteFile = """
        DELETE FROM content_files
        WHERE account_id = @AccountId
          AND content_id = @ContentId
        """;

    private const string CreateFile = """
        INSERT INTO content_files (content_id, account_id, file_name, content_type, bytes, uploaded_at)
        VALUES (@ContentId, @AccountId, @FileName, @ContentType, @Bytes, @UploadedAt)
        """;

    private const string TouchItem = """
        UPDATE content_items
        SET updated_by = @UserId,
            updated_at = @UploadedAt
        WHERE account_id = @AccountId
          AND id = @ContentId
        """;

    private const string GetFile = """
        SELECT f.file_name, f.content_type, f.bytes
        FROM content_files f
        INNER JOIN content_items c ON c.id = f.content_id
        WHERE c.public_token = @PublicToken
          AND c.kind = 'document'
        """;

    public static RouteGroupBuilder MapContentFiles(this RouteGroupBuilder api)
    {
        api.MapPut("/content/{id}/file", UploadAsync).WithTags("Content").WithSummary("Attach a file to a document of one's own (the request body is the file)");
        return api;
    }

    public static WebApplication MapContentFileDownloads(this WebApplication app)
    {
        app.MapGet($"{PublicContent.FilePath}/{{token}}", DownloadAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string id, string? fileName, HttpRequest request, ContentStore store, ContentLibrary library, Db db, CurrentUser user, TimeProvider clock, CancellationToken ct)
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
        var bytes = body.ToArray();
        var now = clock.GetUtcNow();
        var row = new
        {
            ContentId = contentId,
            AccountId = user.AccountId,
            UserId = user.UserId,
            FileName = name,
            ContentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.ToString() : MediaTypeNames.Application.Octet,
            Bytes = bytes,
            UploadedAt = now,
        };
        // A new file replaces the old one whole: the link never serves half of either.
        await using (var connection = await db.OpenForWriteAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteFile, row, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(CreateFile, row, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(TouchItem, row, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }
        var saved = await store.GetVisibleAsync(user.AccountId, user.UserId, contentId, ct);
        return TypedResults.Ok(library.ToResponse(saved!, user));
    }

    private static async Task<IResult> DownloadAsync(string token, Db db, HttpContext http, CancellationToken ct)
    {
        if (token.Length is 0 or > 64)
        {
            return Results.NotFound();
        }
        await using var connection = await db.OpenAsync(ct);
        var file = await connection.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(GetFile, new { PublicToken = token }, cancellationToken: ct));
        if (file is null)
        {
            return Results.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        var contentType = KnownTypes.Contains(file.ContentType) ? file.ContentType : MediaTypeNames.Application.Octet;
        return Results.File(file.Bytes, contentType, file.FileName);
    }
}
