using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary><c>GET /api/audit</c>: the account audit, newest first, a keyset page at a time, filtered by action, actor and period (Crm.Admin only).</summary>
public static class AccountAuditApi
{
    private const string Scope = "account-audit";

    public sealed record AuditLine(
        Guid Id, DateTimeOffset OccurredAt, string Actor, Guid? ActorUserId, string Action, string? Target, JsonElement? Before, JsonElement? After, int? Count);

    public sealed record AuditPage(IReadOnlyList<AuditLine> Items, string? NextCursor);

    public static RouteGroupBuilder MapAccountAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", PageAsync).WithTags("Audit").WithSummary("The account audit: admin actions, settings before and after, purges, mailbox connections, refusals; filters: action, user, from (inclusive), to (exclusive)");
        return api;
    }

    /// <summary>Filters, each optional: <c>action</c> (one of the audit's actions), <c>user</c> (the actor's id), <c>from</c>/<c>to</c>.</summary>
    public sealed record AuditQuery(string? Cursor, int? Limit, string? Action, string? User, string? From, string? To);

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> PageAsync(
        [AsParameters] AuditQuery query, AccountAuditStore store, CurrentUser user, CancellationToken ct)
    {
        var (cursor, limit) = (query.Cursor, query.Limit);
        var errors = new ValidationErrors();
        Paging.TryLimit(limit, errors, out var pageSize);
        if (query.Action is not null && !AuditActions.All.Contains(query.Action, StringComparer.Ordinal))
        {
            errors.Add("action", $"One of {string.Join(", ", AuditActions.All)}.");
        }
        var filter = new AccountAuditFilter(query.Action, QueryFilters.Id(query.User, "user", errors), null, null);
        var (from, to) = QueryFilters.Period(query.From, query.To, errors);
        filter = filter with { From = from, To = to };
        // A cursor belongs to the filters it was given for.
        var scope = string.Join('|', Scope, filter.Action, filter.ActorUserId, from?.UtcTicks, to?.UtcTicks);
        Cursor? after = null;
        if (cursor is not null && (!Cursor.TryDecode(cursor, scope, out after)
            || !DateTimeOffset.TryParseExact(after.Value.SortKey, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            errors.Add("cursor", "The cursor is not one this audit gave out.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var afterAt = after is { } position ? DateTimeOffset.ParseExact(position.SortKey, "O", CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var rows = await store.PageAsync(user.AccountId, filter, afterAt, after?.Id ?? Guid.Empty, pageSize + 1, ct);
        var page = rows.Take(pageSize).Select(ToLine).ToList();
        var next = rows.Count > pageSize ? new Cursor(page[^1].OccurredAt.ToString("O", CultureInfo.InvariantCulture), page[^1].Id).Encode(scope) : null;
        return TypedResults.Ok(new AuditPage(page, next));
    }

    private static AuditLine ToLine(AccountAuditEntry entry) => new(
        entry.Id, entry.OccurredAt, entry.Actor, entry.ActorUserId, entry.Action, entry.Target, Parse(entry.BeforeJson), Parse(entry.AfterJson), entry.Count);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
