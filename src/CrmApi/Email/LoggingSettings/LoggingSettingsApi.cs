using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggingSettings;

/// <summary>
/// <c>/api/settings/logging</c>: the account's logging settings — whether logging creates contacts, what is logged
/// without the pane (outgoing, incoming), the deals and tickets it goes to, and whether users may choose their own.
/// </summary>
public static class LoggingSettingsApi
{
    /// <summary>The PUT's body: a setting left out keeps its value.</summary>
    public sealed record LoggingSettingsChange(string? CreateContacts, string? Outgoing, string? Incoming, string? Associations, bool? UsersMayOverride);

    public static RouteGroupBuilder MapLoggingSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings/logging", async (LoggingSettingsStore settings, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await settings.GetAsync(user.AccountId, ct))).WithTags("Logging");
        api.MapPut("/settings/logging", PutAsync).WithTags("Logging")
            .WithSummary("createContacts off/sent/sentAndReceived; outgoing pane/knownContacts/anyExternal; incoming none/replies/knownContacts; associations none/mostRecentOpen/allOpen; usersMayOverride")
            .WithMetadata(AuditsItself.Instance);
        return api;
    }

    private static async Task<Results<Ok<AccountLoggingSettings>, ValidationProblem>> PutAsync(
        LoggingSettingsChange request, LoggingSettingsStore settings, AccountAudit audit, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        OneOf(errors, "createContacts", request.CreateContacts, CreateContactsPolicies.All);
        OneOf(errors, "outgoing", request.Outgoing, OutgoingPolicies.All);
        OneOf(errors, "incoming", request.Incoming, IncomingPolicies.All);
        OneOf(errors, "associations", request.Associations, AssociationRules.All);
        if (request is { CreateContacts: null, Outgoing: null, Incoming: null, Associations: null, UsersMayOverride: null })
        {
            errors.Add("createContacts", "Give at least one setting: createContacts, outgoing, incoming, associations or usersMayOverride.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var before = await settings.GetAsync(user.AccountId, ct);
        var after = new AccountLoggingSettings
        {
            CreateContacts = request.CreateContacts ?? before.CreateContacts,
            Outgoing = request.Outgoing ?? before.Outgoing,
            Incoming = request.Incoming ?? before.Incoming,
            Associations = request.Associations ?? before.Associations,
            UsersMayOverride = request.UsersMayOverride ?? before.UsersMayOverride,
        };
        await settings.SaveAsync(user.AccountId, after, ct);
        await audit.RecordAsync(user, AuditActions.SettingsChanged, "logging", before, after, ct: CancellationToken.None);
        return TypedResults.Ok(after);
    }

    /// <summary>A value, when given, must be one of the allowed ones.</summary>
    public static void OneOf(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add(field, $"One of {string.Join(", ", allowed)}.");
        }
    }
}
