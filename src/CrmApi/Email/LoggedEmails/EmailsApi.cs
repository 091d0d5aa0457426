using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>Logged emails: one by id, and a record's timeline paged by an opaque keyset cursor.</summary>
public static class EmailsApi
{
    public static RouteGroupBuilder MapEmails(this RouteGroupBuilder api)
    {
        api.MapGet("/emails/{id}", GetAsync).WithTags("Emails").WithSummary("A logged email with its sanitised body and associations");
        api.MapGet("/records/{type}/{id}/timeline", TimelineAsync).WithTags("Emails").WithSummary("A record's logged emails, newest first");
        return api;
    }

    private static async Task<Results<Ok<EmailResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, EmailReader reader, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var emailId, out var badId))
        {
            return badId;
        }
        return await reader.GetAsync(user.AccountId, emailId, ct) is { } email
            ? TypedResults.Ok(email)
            : Problems.NotFound("id", "There is no logged email with this id.");
    }

    private static async Task<Results<Ok<TimelinePage>, ValidationProblem, ProblemHttpResult>> TimelineAsync(
        string type, string id, int? limit, string? cursor, RecordReader records, EmailReader reader, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var recordId, out var badId))
        {
            return badId;
        }
        var errors = new ValidationErrors();
        Paging.TryLimit(limit, errors, out var pageSize);
        Cursor? after = null;
        if (cursor is not null && (!Cursor.TryDecode(cursor, EmailReader.TimelineScope(recordId), out after) || !EmailReader.IsTimelineSortKey(after.Value.SortKey)))
        {
            errors.Add("cursor", "The cursor is not one this timeline gave out.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var found = await records.FindAsync(user.AccountId, type, recordId, ct);
        if (found.MissingField is { } field)
        {
            return Problems.NotFound(field, found.MissingDetail!);
        }
        return TypedResults.Ok(await reader.GetTimelineAsync(user.AccountId, recordId, after, pageSize, ct));
    }
}
