using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>
/// Red, amber or green, with the reason and the fix, in words for an admin who is not a developer. Red: mail is not
/// being logged and will not be until someone acts (no live subscription, a connection left half-made, dead letters).
/// Amber: mail is late or at risk but repairs itself (Graph errors with retries pending, a backlog or lag over its
/// threshold, a renewal overdue, a first sync running). Green: flowing.
/// </summary>
public static class MailboxStates
{
    private const string RunDoctor = "run the doctor (Mailboxes → Doctor) and fix what it finds";

    public static IReadOnlyList<FlowProblem> ProblemsOf(MailboxFacts facts, DateTimeOffset now, TimeSpan renewBefore)
    {
        var problems = new List<FlowProblem>();
        var mailbox = facts.Mailbox;
        if (mailbox.ConnectState == ConnectStates.Connecting)
        {
            problems.Add(now - mailbox.ConnectedAt > TimeSpan.FromMinutes(5)
                ? new(FlowStates.Red, "Connecting this mailbox did not finish: its subscriptions were never all made, so no mail is logged.",
                    "Connect the mailbox again with the same address: the half-made connection is replaced.")
                : new(FlowStates.Amber, "This mailbox is being connected now.", "Nothing to do: wait a minute and look again."));
        }
        foreach (var subscription in facts.Subscriptions)
        {
            var folder = FolderName(subscription.Folder);
            if (subscription.Status == SubscriptionHealthStatuses.Missing && mailbox.ConnectState == ConnectStates.Connected)
            {
                problems.Add(new(FlowStates.Red, $"{folder} has no live subscription: Microsoft 365 is not telling us about new mail there.",
                    $"It is usually recreated within minutes by itself. If it stays red, {RunDoctor} (app permission, webhook reachable from the internet), or disconnect and connect the mailbox again."));
            }
            else if (subscription.Status == SubscriptionHealthStatuses.Expired)
            {
                problems.Add(new(FlowStates.Red, $"The subscription for {folder} expired on {subscription.ExpiresAt:u}: new mail there is not seen.",
                    $"Renewal is automatic; it failed. {char.ToUpperInvariant(RunDoctor[0])}{RunDoctor[1..]}, then disconnect and connect the mailbox again; mail missed meanwhile is caught up."));
            }
            else if (subscription.Status == SubscriptionHealthStatuses.Expiring && subscription.ExpiresAt - renewBefore + FlowThresholds.RenewalOverdue < now)
            {
                problems.Add(new(FlowStates.Amber, $"The subscription for {folder} expires on {subscription.ExpiresAt:u} and has not been renewed.",
                    $"Renewal is automatic and is being retried. If this stays, {RunDoctor}: the app's permission may have been withdrawn."));
            }
        }
        if (facts.DeadLetters > 0)
        {
            problems.Add(new(FlowStates.Red, $"{facts.DeadLetters} message(s) failed too often and are not logged (dead letters). {ErrorWords.Describe(facts.DeadError)}".TrimEnd(),
                "Open the mailbox's dead letters, remove the cause (the error above), then retry them."));
        }
        if (facts.Retrying > 0 && ErrorWords.Describe(facts.RetryError) is { } retrying)
        {
            problems.Add(new(FlowStates.Amber, $"{facts.Retrying} message(s) wait for a retry. {retrying}",
                $"Nothing to do yet: retries are automatic and the mailbox turns green once messages go through. If it stays amber for an hour, check Microsoft 365 service health and {RunDoctor}."));
        }
        if (facts.Backlog > FlowThresholds.Backlog)
        {
            problems.Add(new(FlowStates.Amber, $"{facts.Backlog} notifications are waiting to be processed.",
                "It usually clears by itself. If it keeps growing, check that the worker runs (Ingestion:Enabled) and add an instance."));
        }
        if (facts.LagP95LastHourSeconds is { } lag && lag > FlowThresholds.LagP95.TotalSeconds)
        {
            problems.Add(new(FlowStates.Amber, $"Mail is logged late: 5% of the last hour's messages took over {Duration(lag)}.",
                "It usually catches up by itself (throttling or a burst of mail). If it lasts, add an instance or look for Graph errors."));
        }
        if (facts.FirstSync is { } sync)
        {
            problems.Add(new(FlowStates.Amber, $"The first sync is running ({string.Join(", ", sync.Folders.Select(FolderName))}): {sync.ItemsQueued} message(s) queued so far.",
                "Nothing to do: it finishes by itself."));
        }
        return problems.OrderBy(problem => problem.State == FlowStates.Red ? 0 : 1).ToList();
    }

    /// <summary>The state, reason and fix shown: the worst problem's, or green.</summary>
    public static FlowProblem Summary(IReadOnlyList<FlowProblem> problems, ConnectedMailbox mailbox) =>
        problems.Count > 0
            ? problems[0]
            : new(FlowStates.Green, mailbox.LastNotificationAt is null ? "Connected and listening: no mail has arrived since." : "Mail is flowing.", "");

    private static string FolderName(string folder) => folder == WatchedFolders.SentItems ? "Sent Items" : "Inbox";

    private static string Duration(double seconds) => seconds >= 3600 ? $"{seconds / 3600:0.#} h" : seconds >= 60 ? $"{seconds / 60:0.#} min" : $"{seconds:0} s";
}
