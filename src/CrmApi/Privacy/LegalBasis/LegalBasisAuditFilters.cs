using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>The account-wide audit's filters read from the query string, every field at fault named at once.</summary>
public static class LegalBasisAuditFilters
{
    public static Outcome<LegalBasisAuditFilter> Read(string? contact, string? @event, string? user, string? from, string? to)
    {
        var errors = new ValidationErrors();
        var contactId = QueryFilters.Id(contact, "contact", errors);
        var actorId = QueryFilters.Id(user, "user", errors);
        if (@event is not null && !AuditEvents.All.Contains(@event, StringComparer.Ordinal))
        {
            errors.Add("event", $"One of {string.Join(", ", AuditEvents.All)}.");
        }
        var (start, end) = QueryFilters.Period(from, to, errors);
        return errors.Any ? Outcome<LegalBasisAuditFilter>.Invalid(errors) : Outcome<LegalBasisAuditFilter>.Done(new(contactId, @event, actorId, start, end));
    }
}
