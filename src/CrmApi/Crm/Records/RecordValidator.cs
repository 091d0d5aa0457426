using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>A contact address after validation: as typed, normalised, and whether it is the primary one.</summary>
public sealed record ValidEmail(string Address, string Normalized, bool Primary);

/// <summary>What a valid <see cref="RecordInput"/> changes; null members are left as they are.</summary>
public sealed record RecordChanges(
    string? Name,
    Guid? OwnerId,
    IReadOnlyDictionary<string, JsonElement>? Properties,
    IReadOnlyList<ValidEmail>? Emails,
    string? Domain,
    string? Stage,
    string? Status);

/// <summary>Checks a record body against its object type and reports every field at fault, by JSON path.</summary>
public static partial class RecordValidator
{
    public const int MaxNameLength = 400;
    public const int MaxProperties = 200;
    public const int MaxPropertyTextLength = 10_000;
    public const int MaxEmails = 20;

    public static RecordChanges Validate(string typeName, RecordInput input, bool creating, ValidationErrors errors)
    {
        var emails = ValidateEmails(typeName, input.Emails, errors);
        var name = ValidateName(typeName, input.Name, creating, emails, errors);
        ValidateProperties(input.Properties, errors);
        var domain = ValidateOnly(typeName, BuiltinTypes.Company, "domain", input.Domain, errors, value =>
            Domains.TryNormalize(value, out var normalized) ? normalized : null, "must be a domain name such as contoso.com");
        var stage = ValidateOnly(typeName, BuiltinTypes.Deal, "stage", input.Stage, errors, value =>
            CoreFields.DealStages.Contains(value) ? value : null, $"must be one of {string.Join(", ", CoreFields.DealStages)}");
        var status = ValidateOnly(typeName, BuiltinTypes.Ticket, "status", input.Status, errors, value =>
            CoreFields.TicketStatuses.Contains(value) ? value : null, $"must be one of {string.Join(", ", CoreFields.TicketStatuses)}");
        if (creating)
        {
            stage ??= typeName == BuiltinTypes.Deal ? CoreFields.DefaultDealStage : null;
            status ??= typeName == BuiltinTypes.Ticket ? CoreFields.DefaultTicketStatus : null;
        }
        return new RecordChanges(name, input.OwnerId, input.Properties, emails, domain, stage, status);
    }

    private static string? ValidateName(string typeName, string? name, bool creating, IReadOnlyList<ValidEmail>? emails, ValidationErrors errors)
    {
        if (name is null)
        {
            // A contact created from an address alone is named after it, as a rep would expect.
            var fallback = creating && typeName == BuiltinTypes.Contact ? emails?.FirstOrDefault(email => email.Primary)?.Address : null;
            if (creating && fallback is null)
            {
                errors.Add("name", typeName == BuiltinTypes.Contact ? "A contact needs a name or an email address." : "The name is required.");
            }
            return fallback;
        }
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            errors.Add("name", "The name must not be empty.");
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add("name", $"The name must be at most {MaxNameLength} characters.");
        }
        return trimmed;
    }

    private static List<ValidEmail>? ValidateEmails(string typeName, List<EmailInput>? input, ValidationErrors errors)
    {
        if (input is null)
        {
            return null;
        }
        if (typeName != BuiltinTypes.Contact)
        {
            errors.Add("emails", "Only contacts have email addresses.");
            return null;
        }
        if (input.Count > MaxEmails)
        {
            errors.Add("emails", $"A contact has at most {MaxEmails} email addresses.");
            return null;
        }
        var valid = new List<ValidEmail>();
        for (var i = 0; i < input.Count; i++)
        {
            var email = input[i];
            if (email is null || !EmailAddresses.TryNormalize(email.Address, out var normalized))
            {
                errors.Add($"emails[{i}].address", "Not a valid email address.");
                continue;
            }
            if (valid.Any(existing => existing.Normalized == normalized))
            {
                errors.Add($"emails[{i}].address", "This address is already in the list.");
                continue;
            }
            valid.Add(new ValidEmail(email.Address!.Trim(), normalized, email.Primary));
        }
        var primaries = valid.Count(email => email.Primary);
        if (primaries > 1)
        {
            errors.Add("emails", "Only one address can be primary.");
        }
        else if (primaries == 0 && valid.Count > 0)
        {
            valid[0] = valid[0] with { Primary = true };
        }
        return valid;
    }

    private static void ValidateProperties(Dictionary<string, JsonElement>? properties, ValidationErrors errors)
    {
        if (properties is null)
        {
            return;
        }
        if (properties.Count > MaxProperties)
        {
            errors.Add("properties", $"A record has at most {MaxProperties} properties.");
            return;
        }
        foreach (var (key, value) in properties)
        {
            if (!PropertyName().IsMatch(key))
            {
                errors.Add($"properties.{key}", "A property name starts with a letter and holds letters, digits and underscores (at most 64).");
            }
            else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                errors.Add($"properties.{key}", "A property value is text, a number, true, false or null.");
            }
            else if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > MaxPropertyTextLength)
            {
                errors.Add($"properties.{key}", $"A property value is at most {MaxPropertyTextLength} characters.");
            }
        }
    }

    private static string? ValidateOnly(string typeName, string ownerType, string field, string? value, ValidationErrors errors, Func<string, string?> parse, string rule)
    {
        if (value is null)
        {
            return null;
        }
        if (typeName != ownerType)
        {
            errors.Add(field, $"Only a {ownerType} has a {field}.");
            return null;
        }
        var parsed = parse(value.Trim());
        if (parsed is null)
        {
            errors.Add(field, $"The {field} {rule}.");
        }
        return parsed;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex PropertyName();
}
