using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// <c>GET /api/admin/doctor?mailbox=&amp;outside=</c>: the doctor's checks against the caller's own tenant, as JSON
/// (Crm.Admin only: it creates and deletes a subscription and says what the app may read).
/// </summary>
public static class DoctorApi
{
    public static RouteGroupBuilder MapDoctor(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/doctor", RunAsync).WithTags("Admin")
            .WithSummary("Checks the Graph token, the mailbox permission and scope, the webhook's reachability from Graph, the subscription lifetime and the clock");
        return api;
    }

    private static async Task<Results<Ok<DoctorReport>, ValidationProblem>> RunAsync(
        string? mailbox, string? outside, DoctorRunner doctor, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        string? inside = null, other = null;
        if (mailbox is not null && !EmailAddresses.TryNormalize(mailbox, out inside))
        {
            errors.Add("mailbox", "Not a valid email address.");
        }
        if (outside is not null && !EmailAddresses.TryNormalize(outside, out other))
        {
            errors.Add("outside", "Not a valid email address.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(await doctor.RunAsync(new DoctorRequest(user.TenantId, inside, other), ct));
    }
}
