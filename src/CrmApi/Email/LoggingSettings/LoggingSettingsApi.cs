using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggingSettings;

/// <summary><c>/api/settings/logging</c>: whether logging creates contacts for unknown external addresses.</summary>
public static class LoggingSettingsApi
{
    public sealed record LoggingSettings(string? CreateContacts);

    public static RouteGroupBuilder MapLoggingSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings/logging", async (LoggingSettingsStore settings, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(new LoggingSettings(await settings.GetCreateContactsAsync(user.AccountId, ct)))).WithTags("Logging");
        api.MapPut("/settings/logging", PutAsync).WithTags("Logging").WithSummary("off, sent or sentAndReceived").WithMetadata(AuditsItself.Instance);
        return api;
    }

    private static async Task<Results<Ok<LoggingSettings>, ValidationProblem>> PutAsync(LoggingSettings request, LoggingSettingsStore settings, AccountAudit audit, CurrentUser user, CancellationToken ct)
    {
        if (request.CreateContacts is not { } policy || !CreateContactsPolicies.All.Contains(policy))
        {
            return Problems.Invalid("createContacts", $"One of {string.Join(", ", CreateContactsPolicies.All)}.");
        }
        var before = new LoggingSettings(await settings.GetCreateContactsAsync(user.AccountId, ct));
        await settings.SaveCreateContactsAsync(user.AccountId, policy, ct);
        await audit.RecordAsync(user, AuditActions.SettingsChanged, "logging", before, new LoggingSettings(policy), ct: CancellationToken.None);
        return TypedResults.Ok(new LoggingSettings(policy));
    }
}
