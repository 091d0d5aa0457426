using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// <c>GET /api/admin/legal-basis-audit</c> and its <c>.csv</c>: the legal-basis audit of every contact of the account,
/// filtered by contact, event, acting user and period (Crm.Admin). The per-contact trail stays
/// <c>GET /api/contacts/{id}/audit</c>. An export is itself a line in the account audit: it carries personal data.
/// </summary>
public static class LegalBasisAuditApi
{
    public sealed record AuditQuery(string? Contact, string? Event, string? User, string? From, string? To, string? Cursor, int? Limit);

    private static readonly string[] Header =
    [
        "occurredAt", "event", "contactId", "contactState", "contactName", "contactAddress", "legalBasis", "subscriptionType",
        "explanation", "reason", "trackingId", "actorUserId", "actorName", "id",
    ];

    public static RouteGroupBuilder MapLegalBasisAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/legal-basis-audit", PageAsync).WithTags("Privacy")
            .WithSummary("The legal-basis audit across the account, newest first; filters: contact, event, user, from (inclusive), to (exclusive)");
        api.MapGet("/admin/legal-basis-audit.csv", ExportAsync).WithTags("Privacy")
            .WithSummary("Every line of the legal-basis audit matching the same filters, as CSV (RFC 4180, formula cells neutralised)");
        return api;
    }

    private static async Task<Results<Ok<LegalBasisAuditPage>, ValidationProblem, ProblemHttpResult>> PageAsync(
        [AsParameters] AuditQuery query, LegalBasisAudit audit, CurrentUser user, CancellationToken ct)
    {
        var filter = LegalBasisAuditFilters.Read(query.Contact, query.Event, query.User, query.From, query.To);
        return filter.IsDone ? (await audit.PageAsync(user, filter.Value!, query.Cursor, query.Limit, ct)).ToOk() : filter.Failed<LegalBasisAuditPage>().ToOk();
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportAsync(
        [AsParameters] AuditQuery query, LegalBasisAudit audit, AccountAudit accountAudit, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var filter = LegalBasisAuditFilters.Read(query.Contact, query.Event, query.User, query.From, query.To);
        if (!filter.IsDone)
        {
            return Problems.Invalid(filter.Errors!);
        }
        var name = $"legal-basis-audit-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return TypedResults.Stream(async body =>
        {
            var lines = 0;
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await writer.WriteAsync(Csv.Line(Header));
            await foreach (var line in audit.AllAsync(user, filter.Value!, ct))
            {
                await writer.WriteAsync(Csv.Line(Cells(line)));
                lines++;
            }
            await writer.FlushAsync(ct);
            await accountAudit.RecordAsync(user, AuditActions.LegalBasisAuditExported, Describe(query), count: lines, ct: CancellationToken.None);
        }, "text/csv; charset=utf-8", name);
    }

    private static IEnumerable<string?> Cells(LegalBasisAuditLine line) =>
    [
        line.OccurredAt.ToString("O", CultureInfo.InvariantCulture), line.Event, line.ContactId.ToString(), line.ContactState, line.ContactName,
        line.ContactAddress, line.LegalBasis, line.SubscriptionType, line.Explanation, line.Reason, line.TrackingId, line.ActorUserId?.ToString(),
        line.ActorName, line.Id.ToString(),
    ];

    private static string Describe(AuditQuery query) =>
        $"legal-basis audit contact={query.Contact} event={query.Event} user={query.User} from={query.From} to={query.To}";
}
