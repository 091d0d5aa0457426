using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

/// <summary><c>POST /api/contacts/from-address</c>: "create contact" from the pane, with the company from the domain.</summary>
public static class NewContactApi
{
    public static RouteGroupBuilder MapNewContacts(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/from-address", CreateAsync).WithTags("Records")
            .WithSummary("Create a contact for an address, associated with the company its domain names (found or created)");
        return api;
    }

    private static async Task<Results<Created<NewContactResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewContactRequest request, ContactFromAddress create, CurrentUser user, CancellationToken ct)
    {
        var outcome = await create.CreateAsync(user, request, ct);
        return outcome.Errors is not null ? Problems.Invalid(outcome.Errors)
            : outcome.MissingField is not null ? Problems.NotFound(outcome.MissingField, outcome.MissingDetail!)
            : TypedResults.Created($"/api/records/contact/{outcome.Value!.Contact.Id}", outcome.Value);
    }
}
