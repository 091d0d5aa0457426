using System.Data.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

/// <summary>
/// Rows of another concept that belong to a connected mailbox (its subscriptions, queued notifications, catch-up jobs
/// and delta links, the sightings and outcomes of its messages): they go when the mailbox is disconnected, inside the
/// transaction that deletes it. Each concept answers for its own, so the mailbox store knows no other table.
/// </summary>
public interface IMailboxReferences
{
    Task DeleteOfMailboxAsync(DbTransaction transaction, Guid accountId, Guid mailboxId, CancellationToken ct);
}
