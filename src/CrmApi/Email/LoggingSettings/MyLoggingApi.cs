using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggingSettings;

/// <summary>
/// <c>/api/me/logging</c>: the caller's own logging policy — what they chose (null: the account's), what applies to
/// their mail, and whether the account lets them choose (Dynamics' "users may override the organisation's tracking").
/// </summary>
public static class MyLoggingApi
{
    /// <summary>What the caller chose, whether they may, what applies to their mail, and the account's own policy (what
    /// "the organisation's setting" means when they pick it).</summary>
    public sealed record MyLogging(string? Outgoing, string? Incoming, bool MayOverride, EffectivePolicy Effective, EffectivePolicy Account);

    public sealed record EffectivePolicy(string Outgoing, string Incoming, string Associations);

    /// <summary>The PUT's body: null (or left out) means "the account's".</summary>
    public sealed record MyLoggingChange(string? Outgoing, string? Incoming);

    public static RouteGroupBuilder MapMyLogging(this RouteGroupBuilder api)
    {
        api.MapGet("/me/logging", GetAsync).WithTags("Logging").WithSummary("Your own logging policy and the one that applies to your mail");
        api.MapPut("/me/logging", PutAsync).WithTags("Logging").WithSummary("Choose your own outgoing and incoming logging, where the account allows it");
        return api;
    }

    private static async Task<Ok<MyLogging>> GetAsync(LoggingSettingsStore settings, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(settings, user, ct));

    private static async Task<Results<Ok<MyLogging>, ValidationProblem, ProblemHttpResult>> PutAsync(
        MyLoggingChange request, LoggingSettingsStore settings, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        LoggingSettingsApi.OneOf(errors, "outgoing", request.Outgoing, OutgoingPolicies.All);
        LoggingSettingsApi.OneOf(errors, "incoming", request.Incoming, IncomingPolicies.All);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (!(await settings.GetAsync(user.AccountId, ct)).UsersMayOverride)
        {
            // The account's state, not the caller's role, refuses it: a conflict naming the setting that decides.
            return Problems.Conflict("usersMayOverride", "Your organisation sets what is logged for everyone: ask your admin to let users choose (usersMayOverride).");
        }
        await settings.SaveUserAsync(user.AccountId, user.UserId, new UserLoggingOverride(request.Outgoing, request.Incoming), ct);
        return TypedResults.Ok(await DescribeAsync(settings, user, ct));
    }

    private static async Task<MyLogging> DescribeAsync(LoggingSettingsStore settings, CurrentUser user, CancellationToken ct)
    {
        var account = await settings.GetAsync(user.AccountId, ct);
        var own = await settings.GetUserAsync(user.AccountId, user.UserId, ct);
        var policy = await settings.GetPolicyAsync(user.AccountId, user.UserId, ct);
        return new MyLogging(own.Outgoing, own.Incoming, account.UsersMayOverride,
            new EffectivePolicy(policy.Outgoing, policy.Incoming, policy.Associations),
            new EffectivePolicy(account.Outgoing, account.Incoming, account.Associations));
    }
}
