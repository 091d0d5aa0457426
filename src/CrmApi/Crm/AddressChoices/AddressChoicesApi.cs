using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.AddressChoices;

/// <summary>
/// <c>PUT /api/address-choices</c>: the rep picks which contact an ambiguous address means to them. Only a contact that
/// has the address can be picked; the lookup and the compose view show the pick beside every match.
/// </summary>
public static class AddressChoicesApi
{
    public sealed record AddressChoiceRequest(string? Address, Guid? ContactId);

    public sealed record AddressChoiceResponse(string Address, Guid ContactId);

    public static RouteGroupBuilder MapAddressChoices(this RouteGroupBuilder api)
    {
        api.MapPut("/address-choices", PutAsync).WithTags("Lookup").WithSummary("Remember which contact an ambiguous address means to me");
        return api;
    }

    private static async Task<Results<Ok<AddressChoiceResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        AddressChoiceRequest request, RecordStore records, AddressChoiceStore choices, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!EmailAddresses.TryNormalize(request.Address, out var address))
        {
            errors.Add("address", "Not a valid email address.");
        }
        if (request.ContactId is null)
        {
            errors.Add("contactId", "The contact to remember is required.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var contactId = request.ContactId!.Value;
        var addresses = (await records.GetEmailsAsync(user.AccountId, [contactId], ct))[contactId];
        if (addresses.All(email => email.AddressNormalized != address))
        {
            return Problems.NotFound("contactId", "No contact of yours has this address.");
        }
        await choices.SaveAsync(user.AccountId, user.UserId, address!, contactId, ct);
        return TypedResults.Ok(new AddressChoiceResponse(address!, contactId));
    }
}
