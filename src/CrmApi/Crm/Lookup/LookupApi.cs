using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Lookup;

/// <summary><c>GET /api/lookup?email=a&amp;email=b</c>: the contacts of many addresses, in any letter case, in one call.</summary>
public static class LookupApi
{
    public const int MaxAddresses = 50;

    public static RouteGroupBuilder MapLookup(this RouteGroupBuilder api)
    {
        api.MapGet("/lookup", LookupAsync).WithTags("Lookup").WithSummary("Every contact of each address, with their companies");
        return api;
    }

    private static async Task<Results<Ok<LookupResponse>, ValidationProblem>> LookupAsync(
        [FromQuery(Name = "email")] string[]? email, LookupStore lookup, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (email is null || email.Length == 0)
        {
            errors.Add("email", "Give at least one address: ?email=a@example.com&email=b@example.com");
        }
        else if (email.Length > MaxAddresses)
        {
            errors.Add("email", $"At most {MaxAddresses} addresses per call.");
        }
        var addresses = new List<string>();
        var checkEach = !errors.Any;
        for (var i = 0; checkEach && i < email!.Length; i++)
        {
            if (!EmailAddresses.TryNormalize(email[i], out var normalized))
            {
                errors.Add($"email[{i}]", "Not a valid email address.");
            }
            else if (!addresses.Contains(normalized))
            {
                addresses.Add(normalized);
            }
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(new LookupResponse(await lookup.FindContactsForUserAsync(user.AccountId, user.UserId, addresses, ct)));
    }
}
