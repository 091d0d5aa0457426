using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>Creates, renews and recreates the Graph subscriptions of connected mailboxes.</summary>
public sealed class SubscriptionManager(
    IGraphMailFactory graph, SubscriptionStore store, ClientStates clientStates, GraphOptions options, TimeProvider clock, ILogger<SubscriptionManager> logger)
{
    /// <summary>
    /// A pending row goes in first, so a notification that beats Graph's answer already finds its subscription (the
    /// clientState carries the row id); the row is activated with Graph's id once the create succeeded.
    /// </summary>
    public async Task<SubscriptionRow> CreateAsync(ConnectedMailbox mailbox, string folder, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rowId = Guid.CreateVersion7(now);
        var clientState = clientStates.New(rowId);
        var expiresAt = now.AddMinutes(options.SubscriptionLifetimeMinutes);
        var row = new SubscriptionRow
        {
            Id = rowId,
            AccountId = mailbox.AccountId,
            MailboxId = mailbox.Id,
            Folder = folder,
            ClientStateHash = ClientStates.Hash(clientState),
            ClientStateKey = clientStates.CurrentKeyId,
            Status = SubscriptionStatuses.Pending,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        await store.CreateSubscriptionAsync(row, ct);
        try
        {
            var created = await graph.ForTenant(mailbox.TenantId).CreateSubscriptionAsync(mailbox.GraphKey, folder, clientState, expiresAt, ct);
            await store.ActivateSubscriptionAsync(rowId, created.Id, created.ExpiresAt, ct);
            return row with { GraphSubscriptionId = created.Id, Status = SubscriptionStatuses.Active, ExpiresAt = created.ExpiresAt };
        }
        catch
        {
            await store.SetSubscriptionStatusAsync(rowId, SubscriptionStatuses.Removed, ct);
            throw;
        }
    }

    /// <summary>Renews (and so reauthorizes) a subscription; one Graph no longer has is created again. False when recreated.</summary>
    public async Task<bool> RenewAsync(ConnectedMailbox mailbox, SubscriptionRow row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now.AddMinutes(options.SubscriptionLifetimeMinutes);
        var renewed = row.GraphSubscriptionId is null ? null : await graph.ForTenant(mailbox.TenantId).RenewSubscriptionAsync(row.GraphSubscriptionId, expiresAt, ct);
        if (renewed is { } newExpiry)
        {
            await store.RenewSubscriptionAsync(row.Id, newExpiry, now, ct);
            return true;
        }
        logger.LogWarning("Subscription {SubscriptionId} is gone from Graph; creating it again", row.Id);
        await RecreateAsync(mailbox, row.Folder, ct);
        return false;
    }

    /// <summary>Retires the folder's current subscriptions and creates a new one (new id, new clientState).</summary>
    public async Task<SubscriptionRow> RecreateAsync(ConnectedMailbox mailbox, string folder, CancellationToken ct)
    {
        foreach (var old in (await store.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct)).Where(row => row.Folder == folder && row.Status != SubscriptionStatuses.Removed))
        {
            await store.SetSubscriptionStatusAsync(old.Id, SubscriptionStatuses.Removed, ct);
            if (old.GraphSubscriptionId is { } graphId)
            {
                await graph.ForTenant(mailbox.TenantId).DeleteSubscriptionAsync(graphId, ct);
            }
        }
        return await CreateAsync(mailbox, folder, ct);
    }

    /// <summary>
    /// Undoes a connection that did not finish: every subscription of the mailbox deleted in Graph where it was made.
    /// Best effort: what Graph will not delete now expires on its own, and the reconcile deletes what it does not know.
    /// </summary>
    public async Task RemoveAllAsync(ConnectedMailbox mailbox, CancellationToken ct)
    {
        foreach (var row in await store.GetSubscriptionsOfMailboxAsync(mailbox.Id, ct))
        {
            try
            {
                if (row.GraphSubscriptionId is { } graphId)
                {
                    await graph.ForTenant(mailbox.TenantId).DeleteSubscriptionAsync(graphId, ct);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Subscription {SubscriptionId} could not be deleted in Graph: {Error}", row.Id, error.GetType().Name);
            }
        }
    }
}
