using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using static OutlookCrm.CrmApi.MailboxSync.Connections.MailboxesApi;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// <c>/api/mailboxes/{id}/dead-letters</c>: the messages that failed too often, a page at a time with the reason in
/// words, retried all at once or one at a time (Crm.Admin).
/// </summary>
public static class DeadLettersApi
{
    /// <summary><c>Reason</c> says why in words and what to do; <c>LastError</c> is what the worker recorded (type and status).</summary>
    public sealed record DeadLetter(Guid Id, string Folder, DateTimeOffset ReceivedAt, int Attempts, string? LastError, string Reason);

    public sealed record DeadLetterList(IReadOnlyList<DeadLetter> Items, string? NextCursor);

    public static RouteGroupBuilder MapDeadLetters(this RouteGroupBuilder mailboxes)
    {
        mailboxes.MapGet("/{id}/dead-letters", PageAsync).WithSummary("Messages that failed too often, oldest first, with the reason in words");
        mailboxes.MapPost("/{id}/dead-letters/retry", RetryAllAsync).WithSummary("Try the dead letters again");
        mailboxes.MapPost("/{id}/dead-letters/{letterId}/retry", RetryOneAsync).WithSummary("Try one dead letter again");
        return mailboxes;
    }

    private static async Task<Results<Ok<DeadLetterList>, ValidationProblem, ProblemHttpResult>> PageAsync(
        string id, string? cursor, int? limit, MailboxStore store, InboxStore inbox, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var validId = RouteIds.TryParse(id, "id", out var mailboxId, out _);
        if (!validId)
        {
            errors.Add("id", "Not a valid id (a GUID is expected).");
        }
        Paging.TryLimit(limit, errors, out var pageSize);
        var scope = $"dead-letters:{mailboxId}";
        Cursor? after = null;
        if (cursor is not null && (!Cursor.TryDecode(cursor, scope, out after) || !TryTime(after.Value.SortKey, out _)))
        {
            errors.Add("cursor", "The cursor is not one this list gave out.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is null)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        DateTimeOffset? afterAt = after is { } position && TryTime(position.SortKey, out var at) ? at : null;
        var rows = await inbox.GetDeadAsync(user.AccountId, mailboxId, afterAt, after?.Id ?? Guid.Empty, pageSize + 1, ct);
        var page = rows.Take(pageSize)
            .Select(row => new DeadLetter(row.Id, row.Folder, row.ReceivedAt, row.Attempts, row.LastError, DeadLetterReasons.Describe(row.LastError))).ToList();
        var next = rows.Count > pageSize ? new Cursor(page[^1].ReceivedAt.ToString("O", CultureInfo.InvariantCulture), page[^1].Id).Encode(scope) : null;
        return TypedResults.Ok(new DeadLetterList(page, next));
    }

    private static async Task<Results<Ok<Replayed>, ValidationProblem, ProblemHttpResult>> RetryAllAsync(
        string id, MailboxStore store, InboxStore inbox, IngestionSignal signal, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is null)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        var rows = await inbox.RetryDeadAsync(user.AccountId, mailboxId, clock.GetUtcNow(), ct);
        signal.Pulse();
        return TypedResults.Ok(new Replayed(rows));
    }

    private static async Task<Results<Ok<Replayed>, ValidationProblem, ProblemHttpResult>> RetryOneAsync(
        string id, string letterId, MailboxStore store, InboxStore inbox, IngestionSignal signal, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId) || !RouteIds.TryParse(letterId, "letterId", out var rowId, out badId))
        {
            return badId;
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is null)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        if (!await inbox.RetryOneDeadAsync(user.AccountId, mailboxId, rowId, clock.GetUtcNow(), ct))
        {
            return Problems.NotFound("letterId", "There is no dead letter with this id in this mailbox (it may have been retried already).");
        }
        signal.Pulse();
        return TypedResults.Ok(new Replayed(1));
    }

    private static bool TryTime(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
}
