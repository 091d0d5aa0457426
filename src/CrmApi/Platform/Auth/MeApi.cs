using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary><c>GET /api/me</c>: who the API takes the caller to be, for the pane's header and for support.</summary>
public static class MeApi
{
    public sealed record MeResponse(Guid UserId, Guid AccountId, string Email, string DisplayName);

    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Account").WithSummary("The signed-in user and account");
        return api;
    }

    private static Ok<MeResponse> Me(CurrentUser user) => TypedResults.Ok(new MeResponse(user.UserId, user.AccountId, user.Email, user.DisplayName));
}
