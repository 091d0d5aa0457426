namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>
/// <c>GET /api/admin/overview</c>: is mail flowing, per mailbox and in total. The hourly series are dense: element i is
/// the hour starting at <c>hoursFrom</c> + i hours (UTC), the last one the current, unfinished hour.
/// </summary>
public sealed record OverviewResponse(
    DateTimeOffset GeneratedAt, DateTimeOffset HoursFrom, int HourCount, OverviewTotals Totals, IReadOnlyList<MailboxFlow> Mailboxes);

/// <summary>The account's sums; <c>states</c> counts the mailboxes of each state.</summary>
public sealed record OverviewTotals(
    long[] Notifications, long[] EmailsLogged, long NotificationsLast24Hours, long EmailsLoggedLast24Hours, long Backlog, long DeadLetters,
    double? LagP95LastHourSeconds, double? LagP95Last24HoursSeconds, int SubscriptionsExpiringSoon, StateCounts States, long SentWithoutCheckLast7Days);

public sealed record StateCounts(int Green, int Amber, int Red);

/// <summary>
/// One mailbox: <c>state</c> green, amber or red with the <c>reason</c> and the <c>fix</c> of its worst problem (fix null
/// when green); <c>problems</c> all of them, worst first. Lags are upper bounds of a fixed bucket (seconds).
/// <c>sentWithoutCheckLast7Days</c>: emails sent from it in the overview's hours that needed a legal basis and went
/// without the send check.
/// </summary>
public sealed record MailboxFlow(
    Guid Id, string Address, string Kind, string? DisplayName, string State, string Reason, string? Fix, IReadOnlyList<FlowProblem> Problems,
    long[] Notifications, long[] EmailsLogged, long NotificationsLast24Hours, long EmailsLoggedLast24Hours, long Backlog, long Retrying, long DeadLetters,
    double? LagP95LastHourSeconds, double? LagP95Last24HoursSeconds, IReadOnlyList<SubscriptionHealth> Subscriptions, int SubscriptionsExpiringSoon,
    DateTimeOffset? LastNotificationAt, string? LastError, string? LastErrorDetail, FirstSyncProgress? FirstSync, long SentWithoutCheckLast7Days);

public sealed record FlowProblem(string State, string Reason, string Fix);

/// <summary>
/// A watched folder's subscription: <c>status</c> live, expiring (within the renewal window), expired or missing;
/// <c>expiresAt</c> null when missing.
/// </summary>
public sealed record SubscriptionHealth(string Folder, string Status, DateTimeOffset? ExpiresAt);

/// <summary>A first sync or history import under way: folders still walking and the messages queued so far.</summary>
public sealed record FirstSyncProgress(IReadOnlyList<string> Folders, long ItemsQueued);

public static class FlowStates
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";
}

public static class SubscriptionHealthStatuses
{
    public const string Live = "live";
    public const string Expiring = "expiring";
    public const string Expired = "expired";
    public const string Missing = "missing";
}
