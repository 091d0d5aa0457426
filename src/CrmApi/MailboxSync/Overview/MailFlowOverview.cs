using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>
/// The admin overview of an account's mail flow, from six account-wide reads whatever the number of mailboxes: the
/// mailboxes, their hourly counters (mailboxes × 168 rows), subscriptions, the inbox's open rows counted in an index,
/// the errors of the backlog, and the walks under way. Nothing counts logged emails or finished inbox rows.
/// </summary>
public sealed class MailFlowOverview(
    MailboxStore mailboxes, FlowCounterStore counters, SubscriptionStore subscriptions, InboxStore inbox, JobStore jobs, GraphOptions graph, TimeProvider clock)
{
    public const int Hours = 168;

    public async Task<OverviewResponse> GetAsync(Guid accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowHour = UtcHours.Of(now);
        var fromHour = nowHour - Hours + 1;
        var renewBefore = TimeSpan.FromMinutes(graph.RenewBeforeMinutes);
        var mailboxList = await mailboxes.GetManyOfAccountAsync(accountId, ct);
        var hours = (await counters.GetOfAccountSinceAsync(accountId, fromHour, ct)).ToLookup(row => row.MailboxId);
        var subscriptionRows = (await subscriptions.GetSubscriptionsOfAccountAsync(accountId, ct)).ToLookup(row => row.MailboxId);
        var open = (await inbox.CountOpenOfAccountAsync(accountId, ct)).ToLookup(row => row.MailboxId);
        var errors = (await inbox.ErrorsOfAccountAsync(accountId, ct)).ToLookup(row => row.MailboxId);
        var walks = (await jobs.GetActiveWalksOfAccountAsync(accountId, ct)).ToLookup(row => row.MailboxId);

        var flows = new List<MailboxFlow>();
        foreach (var mailbox in mailboxList)
        {
            var series = HourSeries.Of(hours[mailbox.Id], fromHour, Hours);
            var counts = open[mailbox.Id].ToDictionary(row => row.Status, row => row.Count);
            var retry = errors[mailbox.Id].Where(row => row.Status != InboxStatuses.Dead).MaxBy(row => row.NotBefore);
            var dead = errors[mailbox.Id].FirstOrDefault(row => row.Status == InboxStatuses.Dead);
            var walking = walks[mailbox.Id].ToList();
            var facts = new MailboxFacts(
                mailbox, SubscriptionsOf(subscriptionRows[mailbox.Id], now, renewBefore),
                counts.GetValueOrDefault(InboxStatuses.Pending) + counts.GetValueOrDefault(InboxStatuses.Processing),
                errors[mailbox.Id].Where(row => row.Status != InboxStatuses.Dead && ErrorWords.Describe(row.LastError) is not null).Sum(row => row.Count),
                counts.GetValueOrDefault(InboxStatuses.Dead), retry?.LastError, dead?.LastError, series.LagP95Seconds(2),
                walking.Count == 0 ? null : new FirstSyncProgress(walking.Select(job => job.Folder ?? "").Distinct().Order(StringComparer.Ordinal).ToList(), walking.Sum(job => job.ItemsQueued)));
            var problems = MailboxStates.ProblemsOf(facts, now, renewBefore);
            var summary = MailboxStates.Summary(problems, mailbox);
            var lastError = new[] { dead?.LastError, retry?.LastError, mailbox.LastError, walking.Select(job => job.LastError).FirstOrDefault(error => error is not null) }
                .FirstOrDefault(detail => ErrorWords.Describe(detail) is not null);
            flows.Add(new MailboxFlow(
                mailbox.Id, mailbox.Address, mailbox.Kind, mailbox.DisplayName, summary.State, summary.Reason, summary.Fix.Length == 0 ? null : summary.Fix, problems,
                series.Notifications, series.EmailsLogged, series.Last(24, series.Notifications), series.Last(24, series.EmailsLogged),
                facts.Backlog, facts.Retrying, facts.DeadLetters, facts.LagP95LastHourSeconds, series.LagP95Seconds(24), facts.Subscriptions,
                facts.Subscriptions.Count(subscription => subscription.Status != SubscriptionHealthStatuses.Live), mailbox.LastNotificationAt,
                ErrorWords.Describe(lastError), lastError, facts.FirstSync, hours[mailbox.Id].Sum(row => row.SentWithoutCheck)));
        }
        var total = HourSeries.Of(mailboxList.SelectMany(mailbox => hours[mailbox.Id]), fromHour, Hours);
        return new OverviewResponse(now, UtcHours.Start(fromHour), Hours, new OverviewTotals(
            total.Notifications, total.EmailsLogged, total.Last(24, total.Notifications), total.Last(24, total.EmailsLogged),
            flows.Sum(flow => flow.Backlog), flows.Sum(flow => flow.DeadLetters), total.LagP95Seconds(2), total.LagP95Seconds(24),
            flows.Sum(flow => flow.SubscriptionsExpiringSoon),
            new StateCounts(flows.Count(flow => flow.State == FlowStates.Green), flows.Count(flow => flow.State == FlowStates.Amber), flows.Count(flow => flow.State == FlowStates.Red)),
            flows.Sum(flow => flow.SentWithoutCheckLast7Days)),
            flows);
    }

    /// <summary>Each watched folder's subscription: live, inside the renewal window, expired, or missing.</summary>
    private static List<SubscriptionHealth> SubscriptionsOf(IEnumerable<SubscriptionRow> rows, DateTimeOffset now, TimeSpan renewBefore) =>
        WatchedFolders.All.Select(folder =>
        {
            var newest = rows.Where(row => row.Folder == folder).MaxBy(row => row.ExpiresAt);
            var status = newest switch
            {
                null => SubscriptionHealthStatuses.Missing,
                { Status: not SubscriptionStatuses.Active } => SubscriptionHealthStatuses.Missing,
                _ when newest.ExpiresAt <= now => SubscriptionHealthStatuses.Expired,
                _ when newest.ExpiresAt - now < renewBefore => SubscriptionHealthStatuses.Expiring,
                _ => SubscriptionHealthStatuses.Live,
            };
            return new SubscriptionHealth(folder, status, newest?.ExpiresAt);
        }).ToList();
}
