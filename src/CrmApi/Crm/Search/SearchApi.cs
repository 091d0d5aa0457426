using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Search;

/// <summary>
/// <c>GET /api/search?q=</c>: any record of any type, for the pane's association picker and "start from a record";
/// matched by the same rule as a type's list (<see cref="RecordStore.SearchEveryTypeAsync"/>), first page only.
/// </summary>
public static class SearchApi
{
    public const int MaxQueryLength = RecordsApi.MaxQueryLength;

    public sealed record SearchResults(IReadOnlyList<RecordSummary> Items);

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Records").WithSummary("Records of every type by name, email address or domain");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(string? q, int? limit, RecordStore records, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var query = q?.Trim() ?? "";
        if (query.Length is 0 or > MaxQueryLength)
        {
            errors.Add("q", $"Give 1 to {MaxQueryLength} characters to search for.");
        }
        Paging.TryLimit(limit, errors, out var pageSize);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(new SearchResults(await records.SearchEveryTypeAsync(user.AccountId, query, pageSize, ct)));
    }
}
