using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary><c>/api/records/{type}</c>: create, read, search, change and delete records of any object type.</summary>
public static class RecordsApi
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapRecords(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/records/{type}").WithTags("Records");
        group.MapPost("/", CreateAsync).WithSummary("Create a record");
        group.MapGet("/", SearchAsync).WithSummary("Search records by name, email address or domain");
        group.MapGet("/{id}", GetAsync).WithSummary("A record by id");
        group.MapPatch("/{id}", UpdateAsync).WithSummary("Change a record");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a record with its addresses and associations");
        return api;
    }

    private static async Task<Results<Created<RecordResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string type, RecordInput input, SaveRecord save, CurrentUser user, CancellationToken ct)
    {
        var outcome = await save.CreateAsync(user, type, input, ct);
        return outcome.ToCreated(record => $"/api/records/{type}/{record.Id}");
    }

    private static async Task<Results<Ok<RecordResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string type, string id, RecordInput input, SaveRecord save, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var recordId, out var badId))
        {
            return badId;
        }
        return (await save.UpdateAsync(user, type, recordId, input, ct)).ToOk();
    }

    private static async Task<Results<Ok<RecordResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string type, string id, RecordReader reader, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var recordId, out var badId))
        {
            return badId;
        }
        return (await reader.GetAsync(user.AccountId, type, recordId, ct)).ToOk();
    }

    private static async Task<Results<Ok<RecordPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string type, string? q, int? limit, string? cursor, RecordReader reader, ObjectTypeStore types, CurrentUser user, CancellationToken ct)
    {
        var objectType = await types.GetByNameAsync(user.AccountId, type, ct);
        if (objectType is null)
        {
            var unknown = RecordReader.UnknownType<RecordPage>(type);
            return Problems.NotFound(unknown.MissingField!, unknown.MissingDetail!);
        }
        var errors = new ValidationErrors();
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query?.Length > MaxQueryLength)
        {
            errors.Add("q", $"The search text is at most {MaxQueryLength} characters.");
        }
        Paging.TryLimit(limit, errors, out var pageSize);
        var scope = $"records:{objectType.Id}:{query}";
        Cursor? after = null;
        if (cursor is not null && !Cursor.TryDecode(cursor, scope, out after))
        {
            errors.Add("cursor", "The cursor is not one this list gave out.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(await reader.SearchAsync(user.AccountId, objectType, query, after, pageSize, scope, ct));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string type, string id, RecordReader reader, RecordStore records, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var recordId, out var badId))
        {
            return badId;
        }
        var found = await reader.FindAsync(user.AccountId, type, recordId, ct);
        if (found.MissingField is { } field)
        {
            return Problems.NotFound(field, found.MissingDetail!);
        }
        await records.DeleteAsync(user.AccountId, recordId, ct);
        return TypedResults.NoContent();
    }
}
