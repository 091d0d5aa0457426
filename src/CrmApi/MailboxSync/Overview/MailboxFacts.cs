using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>What the overview knows of one mailbox, gathered with a few account-wide reads: what its state is decided from.</summary>
public sealed record MailboxFacts(
    ConnectedMailbox Mailbox, IReadOnlyList<SubscriptionHealth> Subscriptions, long Backlog, long Retrying, long DeadLetters,
    string? RetryError, string? DeadError, double? LagP95LastHourSeconds, FirstSyncProgress? FirstSync);

/// <summary>The thresholds of amber: past them an admin should look, before anything is lost.</summary>
public static class FlowThresholds
{
    /// <summary>Notifications waiting: a burst of a few hundred clears in seconds; thousands mean the worker lags.</summary>
    public const long Backlog = 1_000;

    /// <summary>The pane shows a sent email's outcome within minutes; a p95 past this is noticed by reps.</summary>
    public static readonly TimeSpan LagP95 = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A subscription is renewed as soon as it enters the renewal window (one keeper round, a minute); still unrenewed
    /// this long after entering it, the renewal is failing.
    /// </summary>
    public static readonly TimeSpan RenewalOverdue = TimeSpan.FromMinutes(15);
}
