using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary><c>subscriptionsLeft</c>: Graph subscriptions Graph would not delete now; they expire on their own within days, and their notifications are refused.</summary>
public sealed record Disconnected(Guid Id, string Address, int SubscriptionsDeleted, int SubscriptionsLeft);

/// <summary>
/// Disconnecting a mailbox: its Graph subscriptions are deleted, its queued notifications, jobs and delta state are
/// dropped with the row; the email it logged stays on the timelines. A rep disconnects their own mailbox; an admin any.
/// </summary>
public sealed class DisconnectMailbox(MailboxStore store, SubscriptionStore subscriptions, IGraphMailFactory graph, AccountAudit audit, Db db, ILogger<DisconnectMailbox> logger)
{
    public async Task<Outcome<Disconnected>> DisconnectAsync(CurrentUser user, Guid mailboxId, CancellationToken ct)
    {
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is not { } mailbox)
        {
            return Outcome<Disconnected>.NotFound("id", "There is no connected mailbox with this id.");
        }
        var own = mailbox.Kind == MailboxKinds.Personal && mailbox.OwnerObjectId is { } owner && owner == user.ObjectId;
        if (!own && !user.IsAdmin)
        {
            return Outcome<Disconnected>.Forbidden("You can disconnect your own mailbox only; a CRM admin (Crm.Admin) disconnects other mailboxes.");
        }
        int deleted = 0, left = 0;
        foreach (var row in await subscriptions.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct))
        {
            if (row.GraphSubscriptionId is not { } graphId)
            {
                continue;
            }
            try
            {
                await graph.ForTenant(mailbox.TenantId).DeleteSubscriptionAsync(graphId, ct);
                deleted++;
            }
            catch (ApiException error)
            {
                // The mailbox goes anyway: a subscription left behind notifies for a mailbox we no longer know, which
                // the webhook refuses, and Graph drops it at its expiry (at most a few days for mail).
                logger.LogWarning("Graph did not delete a subscription of mailbox {MailboxId} ({Status})", mailbox.Id, error.ResponseStatusCode);
                left++;
            }
        }
        await db.InTransactionAsync(async transaction =>
        {
            await store.DeleteAsync(transaction, mailbox.AccountId, mailbox.Id, ct);
            await audit.RecordAsync(transaction, audit.Entry(user, AuditActions.MailboxDisconnected, $"{mailbox.Kind} {mailbox.Address}", count: deleted), ct);
        }, ct);
        return Outcome<Disconnected>.Done(new Disconnected(mailbox.Id, mailbox.Address, deleted, left));
    }
}
