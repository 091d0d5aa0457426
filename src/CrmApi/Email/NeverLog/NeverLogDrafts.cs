using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using static OutlookCrm.CrmApi.Email.NeverLog.NeverLogApi;

namespace OutlookCrm.CrmApi.Email.NeverLog;

/// <summary>An entry as it would be added, and the logged emails its purge would remove.</summary>
public sealed record NeverLogDraft(NeverLogEntry Entry, IReadOnlyList<Guid> Matching);

/// <summary>
/// The rules of a new never-log entry, once for adding it and for previewing it: what it may name, who may add it, and
/// which logged emails its purge takes (everyone's for an account entry; a personal one only what its rep alone saw).
/// </summary>
public sealed class NeverLogDrafts(NeverLogStore store, IOwnDomains ownDomains, TimeProvider clock)
{
    public async Task<Outcome<NeverLogDraft>> DraftAsync(CurrentUser user, NeverLogRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        // Both normalisers lower-case and give an internationalised domain its Unicode form: the entry is stored as
        // addresses are, so it matches in SQL (the purge) and in Matches alike.
        var value = request.Value?.Trim() ?? "";
        string? domain = null;
        var kind = EmailAddresses.TryNormalize(value, out var address) ? NeverLogKinds.Address
            : Domains.TryNormalize(value.TrimStart('@'), out domain) ? NeverLogKinds.Domain : null;
        if (kind is null)
        {
            errors.Add("value", "An email address (alex@contoso.com) or a domain (contoso.com, which includes its subdomains).");
        }
        var scope = request.Scope ?? "account";
        if (scope is not ("account" or "personal"))
        {
            errors.Add("scope", "account or personal.");
        }
        // The account's own mail: never-logging the caller's domain or an internal one would purge every logged thread
        // a colleague is on (issue 17's attack: contoso.com from a contoso rep); internal mail is not logged anyway.
        var at = kind == NeverLogKinds.Address ? address! : $"postmaster@{domain}";
        if (kind is not null && (EmailAddresses.DomainOf(at) == EmailAddresses.DomainOf(EmailAddresses.Normalize(user.Email))
            || await ownDomains.IsOwnAsync(user.AccountId, at, ct)))
        {
            errors.Add("value", "This is the account's own domain or an internal one: its mail is never a customer's, and an entry would purge your colleagues' threads.");
        }
        if (errors.Any)
        {
            return Outcome<NeverLogDraft>.Invalid(errors);
        }
        // An account entry keeps mail of everyone's off the timelines and purges it: an admin's decision (issue 17).
        if (scope == "account" && !user.IsAdmin)
        {
            return Outcome<NeverLogDraft>.Forbidden("Only a CRM admin (Crm.Admin) can add an account-wide never-log entry: add a personal one (scope: personal) or ask your admin.");
        }
        var entry = new NeverLogEntry
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            UserId = scope == "personal" ? user.UserId : null,
            Kind = kind!,
            Value = kind == NeverLogKinds.Address ? address! : domain!,
            CreatedAt = clock.GetUtcNow(),
        };
        // A personal entry purges only what the rep alone saw, in their own mailbox: never a colleague's or a team's mail.
        if (await store.MatchesAUserAsync(user.AccountId, entry, ct))
        {
            return Outcome<NeverLogDraft>.Invalid("value", "This is a colleague's address, or a domain your colleagues' addresses are at: their mail is never a customer's.");
        }
        var matching = await store.GetEmailsMatchingAsync(user.AccountId, entry, scope == "personal" ? user.ObjectId : null, ct);
        return Outcome<NeverLogDraft>.Done(new NeverLogDraft(entry, matching));
    }
}
