using System.Globalization;
using System.Runtime.CompilerServices;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// One line of the account's legal-basis audit as an admin reads it. <c>ContactState</c>: <c>present</c> (name and
/// primary address given), <c>erased</c> (art. 17: the person is forgotten, only the trail's id stays) or
/// <c>deleted</c> (the record was deleted by hand). <c>ActorName</c> is null for the system.
/// </summary>
public sealed record LegalBasisAuditLine(
    Guid Id, DateTimeOffset OccurredAt, string Event, string? LegalBasis, string? SubscriptionType, string? Explanation, string? Reason,
    string? TrackingId, Guid ContactId, string ContactState, string? ContactName, string? ContactAddress, Guid? ActorUserId, string? ActorName);

public sealed record LegalBasisAuditPage(IReadOnlyList<LegalBasisAuditLine> Items, string? NextCursor);

/// <summary>The legal-basis audit across the account, filtered, a page at a time or every matching line (the CSV).</summary>
public sealed class LegalBasisAudit(LegalBasisAuditStore store, RecordStore records, AccountStore accounts)
{
    private const int ExportBatch = 500;

    public async Task<Outcome<LegalBasisAuditPage>> PageAsync(CurrentUser user, LegalBasisAuditFilter filter, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Paging.TryLimit(limit, errors, out var pageSize);
        var scope = ScopeOf(filter);
        Cursor? after = null;
        if (cursor is not null && (!Cursor.TryDecode(cursor, scope, out after) || !TryTime(after.Value.SortKey, out _)))
        {
            errors.Add("cursor", "The cursor is not one this audit gave out for these filters.");
        }
        if (errors.Any)
        {
            return Outcome<LegalBasisAuditPage>.Invalid(errors);
        }
        DateTimeOffset? afterAt = after is { } position && TryTime(position.SortKey, out var at) ? at : null;
        var rows = await store.PageAsync(user.AccountId, filter, afterAt, after?.Id ?? Guid.Empty, pageSize + 1, ct);
        var lines = await DescribeAsync(user.AccountId, rows.Take(pageSize).ToList(), ct);
        var next = rows.Count > pageSize ? new Cursor(lines[^1].OccurredAt.ToString("O", CultureInfo.InvariantCulture), lines[^1].Id).Encode(scope) : null;
        return Outcome<LegalBasisAuditPage>.Done(new LegalBasisAuditPage(lines, next));
    }

    /// <summary>Every matching line, newest first, read a batch at a time so an export of any size holds one batch in memory.</summary>
    public async IAsyncEnumerable<LegalBasisAuditLine> AllAsync(CurrentUser user, LegalBasisAuditFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        DateTimeOffset? afterAt = null;
        var afterId = Guid.Empty;
        while (true)
        {
            var rows = await store.PageAsync(user.AccountId, filter, afterAt, afterId, ExportBatch, ct);
            foreach (var line in await DescribeAsync(user.AccountId, rows, ct))
            {
                yield return line;
            }
            if (rows.Count < ExportBatch)
            {
                yield break;
            }
            (afterAt, afterId) = (rows[^1].OccurredAt, rows[^1].Id);
        }
    }

    private async Task<List<LegalBasisAuditLine>> DescribeAsync(Guid accountId, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        var contactIds = rows.Select(row => row.ContactId).Distinct().ToList();
        var contacts = (await records.GetManyByIdsAsync(accountId, contactIds, ct)).ToDictionary(record => record.Id);
        var addresses = await records.GetEmailsAsync(accountId, contacts.Keys.ToList(), ct);
        var erased = await store.GetErasedAmongAsync(accountId, contactIds.Where(id => !contacts.ContainsKey(id)).ToList(), ct);
        var actorIds = rows.Select(row => row.ActorUserId).OfType<Guid>().Distinct().ToList();
        var actors = (await accounts.GetUsersByIdsAsync(accountId, actorIds, ct)).ToDictionary(actor => actor.Id, actor => actor.DisplayName);
        return rows.Select(row =>
        {
            var contact = contacts.GetValueOrDefault(row.ContactId);
            var address = addresses[row.ContactId].OrderByDescending(email => email.IsPrimary).FirstOrDefault()?.Address;
            var state = contact is not null ? "present" : erased.Contains(row.ContactId) ? "erased" : "deleted";
            return new LegalBasisAuditLine(row.Id, row.OccurredAt, row.Event, row.LegalBasis, row.SubscriptionType, row.Explanation, row.Reason,
                row.TrackingId, row.ContactId, state, contact?.Name, address, row.ActorUserId,
                row.ActorUserId is { } actor ? actors.GetValueOrDefault(actor) : null);
        }).ToList();
    }

    // A cursor belongs to the filters it was given for: another filter's cursor would skip or repeat lines.
    private static string ScopeOf(LegalBasisAuditFilter filter) =>
        string.Join('|', "legal-basis-audit", filter.ContactId, filter.Event, filter.ActorUserId, filter.From?.UtcTicks, filter.To?.UtcTicks);

    private static bool TryTime(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
}
