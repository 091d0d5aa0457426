using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapGet("/preview", NeverLogPreviewApi.PreviewAsync).WithSummary("What adding the entry would purge: how many logged emails, and a few of them (subject and date)");
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
        NeverLogRequest request, NeverLogDrafts drafts, NeverLogPurges purges, CurrentUser user, CancellationToken ct)
    {
        var draft = await drafts.DraftAsync(user, request, ct);
        if (draft.Value is not { } made)
        {
            return draft.Errors is { } errors ? Problems.Invalid(errors) : draft.Problem()!;
        }
        var (entry, matching) = made;
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

    internal static NeverLogResponse ToResponse(NeverLogEntry entry) => new(entry.Id, entry.Kind, entry.Value, entry.UserId is null ? "account" : "personal");
}
