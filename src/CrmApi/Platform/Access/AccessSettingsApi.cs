using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Access;

/// <summary>
/// <c>/api/settings/access</c>: who of the tenant may sign in besides its members. A B2B guest is often a customer's
/// or a partner's employee: off by default, an admin's decision, audited with its value before and after.
/// </summary>
public static class AccessSettingsApi
{
    public sealed record AccessSettings(bool AllowGuests);

    public static RouteGroupBuilder MapAccessSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings/access", GetAsync).WithTags("Access").WithSummary("Whether B2B guests of the tenant may use OutlookCrm");
        api.MapPut("/settings/access", PutAsync).WithTags("Access").WithSummary("Allow or refuse B2B guests (acct = 1)");
        return api;
    }

    private static async Task<Ok<AccessSettings>> GetAsync(AccountStore accounts, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new AccessSettings((await accounts.GetByTenantIdAsync(user.TenantId, ct))?.AllowGuests ?? false));

    private static async Task<Results<Ok<AccessSettings>, ValidationProblem>> PutAsync(
        AccessSettingsRequest request, AccountStore accounts, AccountAudit audit, Db db, CurrentUser user, CancellationToken ct)
    {
        if (request.AllowGuests is not { } allowGuests)
        {
            return Problems.Invalid("allowGuests", "Say whether guests may sign in (true) or not (false).");
        }
        var before = new AccessSettings((await accounts.GetByTenantIdAsync(user.TenantId, ct))?.AllowGuests ?? false);
        var after = new AccessSettings(allowGuests);
        await db.InTransactionAsync(async transaction =>
        {
            await AccountStore.SetAllowGuestsAsync(transaction, user.AccountId, allowGuests, ct);
            await audit.RecordAsync(transaction, audit.Entry(user, AuditActions.SettingsChanged, "access", before, after), ct);
        }, ct);
        return TypedResults.Ok(after);
    }

    public sealed record AccessSettingsRequest(bool? AllowGuests);
}
