using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Associations;

/// <summary>Associations between any two records of the caller's account, with an optional label.</summary>
public static class AssociationsApi
{
    public const int MaxLabelLength = 128;

    public sealed record CreateAssociationRequest(Guid? FromId, Guid? ToId, string? Label);

    public static RouteGroupBuilder MapAssociations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/associations").WithTags("Associations");
        group.MapPost("/", CreateAsync).WithSummary("Associate two records (idempotent for the same pair and label)");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove an association from both ends");
        api.MapGet("/records/{type}/{id}/associations", ListAsync).WithTags("Associations").WithSummary("The records associated with a record");
        return api;
    }

    private static async Task<Results<Created<AssociationResponse>, Ok<AssociationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAssociationRequest request, RecordStore records, AssociationStore associations, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.FromId is null)
        {
            errors.Add("fromId", "The id of the first record is required.");
        }
        if (request.ToId is null)
        {
            errors.Add("toId", "The id of the second record is required.");
        }
        if (request.FromId is not null && request.FromId == request.ToId)
        {
            errors.Add("toId", "A record cannot be associated with itself.");
        }
        var label = request.Label?.Trim() ?? "";
        if (label.Length > MaxLabelLength)
        {
            errors.Add("label", $"The label is at most {MaxLabelLength} characters.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var fromId = request.FromId!.Value;
        var toId = request.ToId!.Value;
        // Both ends are read within the caller's account: a record of another account is simply not found.
        var found = await records.GetManyByIdsAsync(user.AccountId, [fromId, toId], ct);
        var from = found.SingleOrDefault(record => record.Id == fromId);
        var to = found.SingleOrDefault(record => record.Id == toId);
        if (from is null)
        {
            return Problems.NotFound("fromId", "There is no record with this id.");
        }
        if (to is null)
        {
            return Problems.NotFound("toId", "There is no record with this id.");
        }
        if (await associations.GetIdOfPairAsync(user.AccountId, fromId, toId, label, ct) is { } existing)
        {
            return TypedResults.Ok(Response(existing, from, to, label));
        }
        var row = new AssociationRow
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            FromRecordId = fromId,
            ToRecordId = toId,
            Label = label,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            await associations.CreateAsync(row, ct);
        }
        catch (System.Data.Common.DbException)
        {
            // The same association was created by a concurrent request: the answer is the one that won.
            var raced = await associations.GetIdOfPairAsync(user.AccountId, fromId, toId, label, ct);
            if (raced is null)
            {
                throw;
            }
            return TypedResults.Ok(Response(raced.Value, from, to, label));
        }
        return TypedResults.Created($"/api/associations/{row.Id}", Response(row.Id, from, to, label));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, AssociationStore associations, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var associationId, out var badId))
        {
            return badId;
        }
        return await associations.DeleteAsync(user.AccountId, associationId, ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("id", "There is no association with this id.");
    }

    private static async Task<Results<Ok<AssociationList>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string type, string id, RecordReader reader, AssociationStore associations, CurrentUser user, CancellationToken ct)
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
        var rows = await associations.GetOfRecordAsync(user.AccountId, recordId, ct);
        return TypedResults.Ok(new AssociationList(rows.Select(row => row.ToResponse()).ToList()));
    }

    private static AssociationResponse Response(Guid id, CrmRecord from, CrmRecord to, string label) =>
        new(id, from.Id, to.Id, label.Length == 0 ? null : label, from.ToSummary(), to.ToSummary());
}
