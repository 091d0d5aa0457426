using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary><c>/api/mailboxes</c>: connect mailboxes, and see and repair their sync (health, replay, dead letters).</summary>
public static class MailboxesApi
{
    public sealed record MailboxList(IReadOnlyList<MailboxResponse> Items);

    /// <summary>
    /// <c>SentWithoutCheck</c>: emails sent from the mailbox in the last 7 and 30 days that needed a legal basis and went
    /// without the send check (one per email, by the hour it was sent; the hourly counters are kept 31 days).
    /// </summary>
    public sealed record MailboxHealth(
        Guid MailboxId, string Address, string Kind, IReadOnlyList<SubscriptionView> Subscriptions, DateTimeOffset? LastNotificationAt,
        long Backlog, long Done, long DeadLetters, string? LastError, IReadOnlyList<SyncView> Sync, SentWithoutCheckCounts SentWithoutCheck);

    public sealed record SentWithoutCheckCounts(long Last7Days, long Last30Days);

    public sealed record SyncList(IReadOnlyList<SyncView> Items);

    public sealed record Replayed(int Rows) : ICountedResult
    {
        int ICountedResult.Count => Rows;
    }

    public static RouteGroupBuilder MapMailboxes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mailboxes").WithTags("Mailboxes");
        group.MapPost("/", ConnectAsync).WithSummary("Connect a personal, team or help-desk mailbox (its Inbox and Sent Items are watched)");
        group.MapGet("/", ListAsync).WithSummary("The account's connected mailboxes");
        group.MapDelete("/{id}", DisconnectAsync).WithSummary("Disconnect a mailbox (its subscriptions and queue go, its logged email stays)").WithMetadata(AuditsItself.Instance);
        group.MapGet("/{id}/health", HealthAsync).WithSummary("Subscriptions, last notification, backlog, dead letters, last error");
        group.MapPost("/{id}/import", ImportAsync).WithSummary("Log the last N days of the mailbox's mail too (at most 90), in the background");
        group.MapPost("/{id}/reprocess", ReprocessAsync).WithSummary("Replay every message received in a period, since a time and before another (now by default; idempotent)");
        group.MapDeadLetters();
        return api;
    }

    private static async Task<Results<Created<MailboxResponse>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        ConnectMailboxRequest request, ConnectMailbox connect, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        try
        {
            var outcome = await connect.ConnectAsync(user, request, ct);
            return outcome.ToCreated(mailbox => $"/api/mailboxes/{mailbox.Id}");
        }
        catch (Exception error) when (ConnectFailures.Describe(error, http) is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<SyncList>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string id, ImportRequest request, ImportHistory import, CurrentUser user, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        var outcome = await import.ImportAsync(user, mailboxId, request, ct);
        return outcome.IsDone ? TypedResults.Ok(new SyncList(outcome.Value!)) : outcome.Failed<SyncList>().ToOk();
    }

    private static async Task<Results<Ok<Disconnected>, ValidationProblem, ProblemHttpResult>> DisconnectAsync(
        string id, DisconnectMailbox disconnect, CurrentUser user, CancellationToken ct) =>
        RouteIds.TryParse(id, "id", out var mailboxId, out var badId) ? (await disconnect.DisconnectAsync(user, mailboxId, ct)).ToOk() : badId;

    private static async Task<Ok<MailboxList>> ListAsync(MailboxStore store, MailboxDescriber connect, CurrentUser user, CancellationToken ct)
    {
        var items = new List<MailboxResponse>();
        foreach (var mailbox in await store.GetManyOfAccountAsync(user.AccountId, ct))
        {
            items.Add(await connect.DescribeAsync(mailbox, ct));
        }
        return TypedResults.Ok(new MailboxList(items));
    }

    private static async Task<Results<Ok<MailboxHealth>, ValidationProblem, ProblemHttpResult>> HealthAsync(
        string id, MailboxStore store, InboxStore inbox, MailboxDescriber connect, FlowCounterStore counters, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is not { } mailbox)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        var counts = await inbox.CountByStatusAsync(user.AccountId, mailboxId, ct);
        var described = await connect.DescribeAsync(mailbox, ct);
        var nowHour = UtcHours.Of(clock.GetUtcNow());
        var sentWithoutCheck = new SentWithoutCheckCounts(
            await counters.SumSentWithoutCheckSinceAsync(user.AccountId, mailboxId, nowHour - (7 * 24) + 1, ct),
            await counters.SumSentWithoutCheckSinceAsync(user.AccountId, mailboxId, nowHour - (30 * 24) + 1, ct));
        return TypedResults.Ok(new MailboxHealth(
            mailbox.Id, mailbox.Address, mailbox.Kind, described.Subscriptions, mailbox.LastNotificationAt,
            counts.GetValueOrDefault(InboxStatuses.Pending) + counts.GetValueOrDefault(InboxStatuses.Processing),
            counts.GetValueOrDefault(InboxStatuses.Done), counts.GetValueOrDefault(InboxStatuses.Dead),
            mailbox.LastError ?? await inbox.LastErrorAsync(user.AccountId, mailboxId, ct), described.Sync, sentWithoutCheck));
    }

    private static async Task<Results<Ok<Replayed>, ValidationProblem, ProblemHttpResult>> ReprocessAsync(
        string id, DateTimeOffset? since, DateTimeOffset? until, MailboxStore store, InboxStore inbox, IngestionSignal signal, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!RouteIds.TryParse(id, "id", out var mailboxId, out var badId))
        {
            return badId;
        }
        if (since is null)
        {
            return Problems.Invalid("since", "Give the start of the period to replay, e.g. ?since=2026-11-01T00:00:00Z.");
        }
        var now = clock.GetUtcNow();
        if (until is { } end && end <= since)
        {
            return Problems.Invalid("until", "The end of the period must be after its start.");
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is null)
        {
            return Problems.NotFound("id", "There is no connected mailbox with this id.");
        }
        // Rows are stamped with this server's clock when they arrive, so none is later than a day from now.
        var rows = await inbox.ReplayAsync(user.AccountId, mailboxId, since.Value, until ?? now.AddDays(1), now, ct);
        signal.Pulse();
        return TypedResults.Ok(new Replayed(rows));
    }
}
