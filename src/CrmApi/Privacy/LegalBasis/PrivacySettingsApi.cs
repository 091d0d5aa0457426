using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>The account's data-privacy setting and its subscription types.</summary>
public static partial class PrivacySettingsApi
{
    public const int MaxInternalDomains = 50;

    /// <summary>Days bodies of logged emails may be kept at most (ten years).</summary>
    public const int MaxBodyRetentionDays = 3_650;

    /// <summary><c>bodyRetentionDays</c>: left out keeps the setting, 0 keeps bodies for good, 1 to 3,650 purges older ones.</summary>
    public sealed record PrivacySettingsRequest(bool? Enabled, string? UnknownRecipients, List<string>? InternalDomains, int? BodyRetentionDays = null);

    public sealed record PrivacySettingsResponse(bool Enabled, string UnknownRecipients, IReadOnlyList<string> InternalDomains, int? BodyRetentionDays);

    public sealed record SubscriptionTypeRequest(string? Name, string? Label);

    public sealed record SubscriptionTypeResponse(string Name, string Label, bool Builtin);

    public sealed record SubscriptionTypeList(IReadOnlyList<SubscriptionTypeResponse> Items);

    public static RouteGroupBuilder MapPrivacySettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings/privacy", GetAsync).WithTags("Privacy").WithSummary("The account's data-privacy settings");
        api.MapPut("/settings/privacy", PutAsync).WithTags("Privacy").WithSummary("Turn data privacy on or off; unknown-recipient policy; internal domains").WithMetadata(AuditsItself.Instance);
        api.MapGet("/subscription-types", ListTypesAsync).WithTags("Privacy").WithSummary("Subscription types: One to One and the account's own");
        api.MapPost("/subscription-types", CreateTypeAsync).WithTags("Privacy").WithSummary("Define a subscription type");
        return api;
    }

    private static async Task<Ok<PrivacySettingsResponse>> GetAsync(PrivacyStore store, CurrentUser user, CancellationToken ct)
    {
        var settings = await store.GetSettingsAsync(user.AccountId, ct);
        return TypedResults.Ok(new PrivacySettingsResponse(settings.PrivacyEnabled, settings.UnknownRecipients, await store.GetInternalDomainsAsync(user.AccountId, ct), settings.BodyRetentionDays));
    }

    private static async Task<Results<Ok<PrivacySettingsResponse>, ValidationProblem>> PutAsync(
        PrivacySettingsRequest request, PrivacyStore store, AccountAudit audit, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.Enabled is null)
        {
            errors.Add("enabled", "Say whether data privacy is on (true) or off (false).");
        }
        if (request.UnknownRecipients is { } policy && !UnknownRecipientPolicies.All.Contains(policy))
        {
            errors.Add("unknownRecipients", $"One of {string.Join(", ", UnknownRecipientPolicies.All)}.");
        }
        var domains = new List<string>();
        for (var i = 0; i < (request.InternalDomains?.Count ?? 0); i++)
        {
            if (Domains.TryNormalize(request.InternalDomains![i], out var domain))
            {
                domains.Add(domain);
            }
            else
            {
                errors.Add($"internalDomains[{i}]", "Not a domain name.");
            }
        }
        if (request.BodyRetentionDays is < 0 or > MaxBodyRetentionDays)
        {
            errors.Add("bodyRetentionDays", $"0 (keep bodies) or a number of days from 1 to {MaxBodyRetentionDays:N0}.");
        }
        if (domains.Count > MaxInternalDomains)
        {
            errors.Add("internalDomains", $"At most {MaxInternalDomains} domains.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var current = await store.GetSettingsAsync(user.AccountId, ct);
        var settings = current with
        {
            PrivacyEnabled = request.Enabled!.Value,
            UnknownRecipients = request.UnknownRecipients ?? current.UnknownRecipients,
            BodyRetentionDays = request.BodyRetentionDays switch
            {
                null => current.BodyRetentionDays,
                0 => null,
                var days => days,
            },
            UpdatedAt = clock.GetUtcNow(),
            UpdatedByUserId = user.UserId,
        };
        var internalDomains = request.InternalDomains is null ? null : domains.Distinct().ToList();
        var domainsBefore = await store.GetInternalDomainsAsync(user.AccountId, ct);
        await store.SaveSettingsAsync(settings, internalDomains, ct);
        var before = new PrivacySettingsResponse(current.PrivacyEnabled, current.UnknownRecipients, domainsBefore, current.BodyRetentionDays);
        var after = new PrivacySettingsResponse(settings.PrivacyEnabled, settings.UnknownRecipients, internalDomains ?? domainsBefore, settings.BodyRetentionDays);
        await audit.RecordAsync(user, AuditActions.SettingsChanged, "privacy", before, after, ct: CancellationToken.None);
        return TypedResults.Ok(after);
    }

    private static async Task<Ok<SubscriptionTypeList>> ListTypesAsync(PrivacyStore store, CurrentUser user, CancellationToken ct)
    {
        var custom = await store.GetSubscriptionTypesAsync(user.AccountId, ct);
        IEnumerable<SubscriptionTypeResponse> all = [new(SubscriptionTypes.OneToOne, SubscriptionTypes.OneToOneLabel, true), .. custom.Select(type => new SubscriptionTypeResponse(type.Name, type.Label, false))];
        return TypedResults.Ok(new SubscriptionTypeList(all.ToList()));
    }

    private static async Task<Results<Created<SubscriptionTypeResponse>, ValidationProblem, ProblemHttpResult>> CreateTypeAsync(
        SubscriptionTypeRequest request, PrivacyStore store, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (!TypeName().IsMatch(name))
        {
            errors.Add("name", "A subscription type name is 2 to 64 lower-case letters, digits or dashes, starting with a letter.");
        }
        var label = request.Label?.Trim() ?? "";
        if (label.Length is 0 or > 128)
        {
            errors.Add("label", "The label is required (at most 128 characters).");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var existing = await store.GetSubscriptionTypesAsync(user.AccountId, ct);
        if (name == SubscriptionTypes.OneToOne || existing.Any(type => type.Name == name))
        {
            return Problems.Conflict("name", $"A subscription type named '{name}' already exists.");
        }
        await store.CreateSubscriptionTypeAsync(new SubscriptionTypeRow { Id = clock.NewId(), AccountId = user.AccountId, Name = name, Label = label, CreatedAt = clock.GetUtcNow() }, ct);
        return TypedResults.Created($"/api/subscription-types/{name}", new SubscriptionTypeResponse(name, label, false));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex TypeName();
}
