using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary><c>GET /api/me</c>: who the API takes the caller to be, for the pane's header and for support.</summary>
public static class MeApi
{
    /// <summary><c>isAdmin</c>: Crm.Admin in this request's token; the admin console offers admin actions by it (the API still decides).</summary>
    public sealed record MeResponse(Guid UserId, Guid AccountId, string Email, string DisplayName, bool IsAdmin);

    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Account").WithSummary("The signed-in user and account");
        return api;
    }

    private static Ok<MeResponse> Me(CurrentUser user) => TypedResults.Ok(new MeResponse(user.UserId, user.AccountId, user.Email, user.DisplayName, user.IsAdmin));
}
