using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>A connected mailbox as the API shows it: its live subscriptions and the progress of its first sync and imports.</summary>
public sealed class MailboxDescriber(SubscriptionStore subscriptionStore, JobStore jobs)
{
    public async Task<MailboxResponse> DescribeAsync(ConnectedMailbox mailbox, CancellationToken ct)
    {
        var rows = await subscriptionStore.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct);
        return new MailboxResponse(mailbox.Id, mailbox.Address, mailbox.Kind, mailbox.DisplayName, mailbox.ConnectedAt, mailbox.ConnectedByUserId,
            rows.Where(row => row.Status != SubscriptionStatuses.Removed).Select(row => new SubscriptionView(row.Folder, row.Status, row.GraphSubscriptionId, row.ExpiresAt, row.RenewedAt)).ToList(),
            await SyncAsync(mailbox, ct));
    }

    /// <summary>The newest walk of each kind and folder (a resync after an expired delta is a first sync again).</summary>
    public async Task<IReadOnlyList<SyncView>> SyncAsync(ConnectedMailbox mailbox, CancellationToken ct) =>
        (await jobs.GetWalksOfMailboxAsync(mailbox.AccountId, mailbox.Id, ct))
            .GroupBy(job => (job.Kind, job.Folder)).Select(group => group.First())
            .OrderBy(job => job.Kind, StringComparer.Ordinal).ThenBy(job => job.Folder, StringComparer.Ordinal)
            .Select(job => new SyncView(job.Kind, job.Folder ?? "", job.Status, job.Since, job.ItemsQueued, job.CreatedAt, job.FinishedAt, job.LastError))
            .ToList();
}
