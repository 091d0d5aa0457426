using System.Globalization;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>The account-wide audit's filters read from the query string, every field at fault named at once.</summary>
public static class LegalBasisAuditFilters
{
    public static Outcome<LegalBasisAuditFilter> Read(string? contact, string? @event, string? user, string? from, string? to)
    {
        var errors = new ValidationErrors();
        var contactId = Id(contact, "contact", errors);
        var actorId = Id(user, "user", errors);
        if (@event is not null && !AuditEvents.All.Contains(@event, StringComparer.Ordinal))
        {
            errors.Add("event", $"One of {string.Join(", ", AuditEvents.All)}.");
        }
        var start = Time(from, "from", errors);
        var end = Time(to, "to", errors);
        if (start > end)
        {
            errors.Add("from", "The period starts after it ends: from must be before to.");
        }
        return errors.Any ? Outcome<LegalBasisAuditFilter>.Invalid(errors) : Outcome<LegalBasisAuditFilter>.Done(new(contactId, @event, actorId, start, end));
    }

    private static Guid? Id(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        errors.Add(field, "Not a valid id (a GUID is expected).");
        return null;
    }

    // A date alone (2026-11-30) is midnight UTC; a time without an offset is UTC too.
    private static DateTimeOffset? Time(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        errors.Add(field, "An ISO 8601 date or time, e.g. 2026-11-30 or 2026-11-30T09:00:00Z.");
        return null;
    }
}
