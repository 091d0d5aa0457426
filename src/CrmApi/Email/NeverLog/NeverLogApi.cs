using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.NeverLog;

/// <summary>
/// <c>/api/never-log</c>: addresses and domains (with their subdomains) whose mail is never logged, for the whole
/// account or one rep. Adding an entry that matches logged emails needs <c>confirmPurge: true</c>: those emails are
/// then removed from every timeline, restorable for 30 days. A personal entry removes only what its rep alone saw.
/// </summary>
public static class NeverLogApi
{
    public sealed record NeverLogRequest(string? Value, string? Scope, bool? ConfirmPurge);

    public sealed record NeverLogResponse(Guid Id, string Kind, string Value, string Scope);

    /// <summary><c>restorableUntil</c>: until when <c>POST /api/never-log/{id}/restore</c> brings the purged emails back.</summary>
    public sealed record NeverLogCreated(NeverLogResponse Entry, int Purged, DateTimeOffset? RestorableUntil);

    public sealed record NeverLogList(IReadOnlyList<NeverLogResponse> Items);

    public static RouteGroupBuilder MapNeverLog(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/never-log").WithTags("Logging");
        group.MapGet("/", ListAsync).WithSummary("The account's never-log list and your own");
        group.MapPost("/", CreateAsync).WithSummary("Never log an address or a domain (and purge what was logged, when confirmed)");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove an entry (what it purged stays purged; restore brings it back)");
        group.MapPost("/{id}/restore", RestoreAsync).WithSummary("Undo an entry within 30 days: its purged emails come back and the entry goes");
        return api;
    }

    private static async Task<Ok<NeverLogList>> ListAsync(NeverLogStore store, CurrentUser user, CancellationToken ct)
    {
        var entries = await store.GetNeverLogAsync(user.AccountId, user.UserId, ct);
        return TypedResults.Ok(new NeverLogList(entries.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Created<NeverLogCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NeverLogRequest request, NeverLogStore store, NeverLogPurges purges, CurrentUser user, IOwnDomains ownDomains, TimeProvider clock, CancellationToken ct)
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
            return Problems.Invalid(errors);
        }
        // An account entry keeps mail of everyone's off the timelines and purges it: an admin's decision (issue 17).
        if (scope == "account" && !user.IsAdmin)
        {
            return Problems.Forbidden("Only a CRM admin (Crm.Admin) can add an account-wide never-log entry: add a personal one (scope: personal) or ask your admin.");
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
            return Problems.Invalid("value", "This is a colleague's address, or a domain your colleagues' addresses are at: their mail is never a customer's.");
        }
        var matching = await store.GetEmailsMatchingAsync(user.AccountId, entry, scope == "personal" ? user.ObjectId : null, ct);
        if (matching.Count > 0 && request.ConfirmPurge != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Logged emails would be removed",
                detail: $"{matching.Count} logged email(s) involve {entry.Value}; send confirmPurge: true to add the entry and remove them.",
                extensions: new Dictionary<string, object?>
                {
                    ["wouldPurge"] = matching.Count,
                    ["errors"] = new Dictionary<string, string[]> { ["confirmPurge"] = ["Confirm the removal of the emails already logged."] },
                });
        }
        var restorableUntil = await purges.AddAsync(user, entry, matching, ct);
        return TypedResults.Created($"/api/never-log/{entry.Id}", new NeverLogCreated(ToResponse(entry), matching.Count, restorableUntil));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, NeverLogStore store, AccountAudit audit, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var entryId, out var badId))
        {
            return badId;
        }
        // An account entry is an admin's to remove, as it was an admin's to add.
        var entry = await store.GetAsync(user.AccountId, entryId, ct);
        if (entry is null || !await store.DeleteAsync(user.AccountId, user.UserId, entryId, user.IsAdmin, ct))
        {
            return Problems.NotFound("id", user.IsAdmin ? "There is no never-log entry with this id." : "There is no never-log entry of yours with this id (account entries are removed by a CRM admin).");
        }
        await audit.RecordAsync(user, AuditActions.NeverLogRemoved, NeverLogPurges.Describe(entry), ct: CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<NeverLogRestored>, ValidationProblem, ProblemHttpResult>> RestoreAsync(
        string id, NeverLogPurges purges, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var entryId, out var badId) ? (await purges.RestoreAsync(user, entryId, ct)).ToOk() : badId;

    private static NeverLogResponse ToResponse(NeverLogEntry entry) => new(entry.Id, entry.Kind, entry.Value, entry.UserId is null ? "account" : "personal");
}
