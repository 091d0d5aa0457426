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
        // Contacts are found by the normalised form, so an address from a mail header (müller@xn--bcher-kva.de) finds the
        // contact stored as müller@bücher.de. The answer echoes each spelling asked (lower-cased, as it always was):
        // the pane finds its answer by what it asked, and asking both spellings answers both.
        var asked = new List<(string Spelling, string Normalized)>();
        var checkEach = !errors.Any;
        for (var i = 0; checkEach && i < email!.Length; i++)
        {
            if (!EmailAddresses.TryNormalize(email[i], out var normalized))
            {
                errors.Add($"email[{i}]", "Not a valid email address.");
                continue;
            }
            var spelling = email[i].Trim().ToLowerInvariant();
            if (!asked.Any(known => known.Spelling == spelling))
            {
                asked.Add((spelling, normalized));
            }
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var found = (await lookup.FindContactsForUserAsync(user.AccountId, user.UserId, asked.Select(one => one.Normalized).Distinct().ToList(), ct))
            .ToDictionary(matches => matches.Email);
        return TypedResults.Ok(new LookupResponse(asked.Select(one => found[one.Normalized] with { Email = one.Spelling }).ToList()));
    }
}
