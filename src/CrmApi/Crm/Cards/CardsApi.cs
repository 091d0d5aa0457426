using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary><c>GET /api/cards?id=a&amp;id=b</c>: the cards of the records an email's people match, in one call.</summary>
public static class CardsApi
{
    public const int MaxIds = 50;

    public static RouteGroupBuilder MapCards(this RouteGroupBuilder api)
    {
        api.MapGet("/cards", GetAsync).WithTags("Records").WithSummary("Record cards: title, companies, owner, deals, open tickets, last activity");
        return api;
    }

    private static async Task<Results<Ok<CardList>, ValidationProblem>> GetAsync([FromQuery(Name = "id")] string[]? id, CardStore cards, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (id is null || id.Length is 0 or > MaxIds)
        {
            errors.Add("id", $"Give 1 to {MaxIds} record ids: ?id=...&id=...");
        }
        var ids = new List<Guid>();
        for (var i = 0; !errors.Any && i < id!.Length; i++)
        {
            if (!Guid.TryParse(id[i], out var parsed))
            {
                errors.Add($"id[{i}]", "Not a record id.");
            }
            else if (!ids.Contains(parsed))
            {
                ids.Add(parsed);
            }
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        // Ids of other accounts or of deleted records are simply absent: a card list never says what exists elsewhere.
        return TypedResults.Ok(new CardList(await cards.GetAsync(user.AccountId, ids, ct)));
    }
}
