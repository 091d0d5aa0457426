using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Search;

/// <summary><c>GET /api/search?q=</c>: any record of any type, for the pane's association picker and "start from a record".</summary>
public static class SearchApi
{
    public const int MaxQueryLength = 200;

    public sealed record SearchResults(IReadOnlyList<RecordSummary> Items);

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Records").WithSummary("Records of every type by name, email address or domain");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(string? q, int? limit, Db db, CurrentUser user, CancellationToken ct)
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
        var escaped = SqlLike.Escape(query);
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QueryAsync<RecordSummary>(new CommandDefinition(SearchSql.Everything.For(db.Provider), new
        {
            AccountId = user.AccountId,
            Contains = $"%{escaped}%",
            StartsWith = $"{escaped.ToLowerInvariant()}%",
            Limit = pageSize,
        }, cancellationToken: ct));
        return TypedResults.Ok(new SearchResults(found.AsList()));
    }
}
