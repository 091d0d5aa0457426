using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>
/// <c>GET /api/admin/overview</c>: is mail flowing in the caller's account, per mailbox and in total, and if not, why
/// and how to fix it (Crm.Admin: it names every connected mailbox of the account).
/// </summary>
public static class OverviewApi
{
    public static RouteGroupBuilder MapMailFlowOverview(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/overview", GetAsync).WithTags("Admin")
            .WithSummary("Notifications and logged emails per hour (7 days), backlog, lag p95, dead letters, subscriptions, last error, and a red/amber/green state with reason and fix, per mailbox and in total");
        return api;
    }

    private static async Task<Ok<OverviewResponse>> GetAsync(MailFlowOverview overview, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await overview.GetAsync(user.AccountId, ct));
}
