using System.Data.Common;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>Connected mailboxes and their subscriptions as several API instances share them, on every configured database.</summary>
public class MailboxStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TryLeaseSubscriptionAsync_TwoInstancesAtOnce_OneHoldsItUntilItRunsOutOrIsRenewed(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new SubscriptionStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "rep@lease.example.com", ct);
        var now = DateTimeOffset.UtcNow;
        var subscription = Subscription(mailbox, expiresAt: now.AddMinutes(10));
        await stores.Subscriptions.CreateSubscriptionAsync(subscription, ct);
        var lease = TimeSpan.FromMinutes(1);
        // Every instance's keeper finds it due for renewal (the list is global: only this test's row is looked at).
        Assert.Contains(await other.GetSubscriptionsDueAsync(now.AddHours(1), ct), row => row.Id == subscription.Id);

        var leased = await Task.WhenAll(
            stores.Subscriptions.TryLeaseSubscriptionAsync(subscription.Id, now, lease, ct),
            other.TryLeaseSubscriptionAsync(subscription.Id, now, lease, ct));

        Assert.Single(leased, won => won);
        Assert.False(await other.TryLeaseSubscriptionAsync(subscription.Id, now.AddSeconds(30), lease, ct));
        // The holder died: once its lease has run out, another instance takes the renewal over.
        Assert.True(await other.TryLeaseSubscriptionAsync(subscription.Id, now.AddMinutes(2), lease, ct));
        // Renewed: no longer due, and the lease is given back at once rather than left to run out.
        await other.RenewSubscriptionAsync(subscription.Id, now.AddDays(3), now.AddMinutes(2), ct);
        Assert.DoesNotContain(await stores.Subscriptions.GetSubscriptionsDueAsync(now.AddHours(1), ct), row => row.Id == subscription.Id);
        Assert.True(await stores.Subscriptions.TryLeaseSubscriptionAsync(subscription.Id, now.AddMinutes(2), lease, ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CreateAsync_SameAddressConnectedAtTwoInstancesAtOnce_OneMailboxTheOtherRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new MailboxStore(Databases.AnotherInstance(stores.Db), []);
        var user = await stores.NewAccountAsync(ct);

        // ConnectMailbox looks the address up first, so only a race gets this far: the unique index has the last word.
        var created = await Task.WhenAll(
            TryCreateAsync(stores.Mailboxes, NewMailbox(user.AccountId, "shared@race.example.com")),
            TryCreateAsync(other, NewMailbox(user.AccountId, "shared@race.example.com")));

        Assert.Single(created, won => won);
        Assert.Single(await stores.Mailboxes.GetManyOfAccountAsync(user.AccountId, ct));

        async Task<bool> TryCreateAsync(MailboxStore store, ConnectedMailbox mailbox)
        {
            try
            {
                await store.CreateAsync(mailbox, ct);
                return true;
            }
            catch (DbException)
            {
                return false;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeleteAsync_OneOfTwoMailboxesWithWorkInFlight_AllOfItsRowsGoTheOthersStay(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var inbox = new InboxStore(stores.Db);
        var jobs = new JobStore(stores.Db, TimeProvider.System);
        var user = await stores.NewAccountAsync(ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        var messageId = $"<{Guid.NewGuid():N}@contoso.com>";
        var emailId = await stores.LogEmailAsync(user.AccountId, messageId, [contact], ct);
        var gone = await stores.NewMailboxAsync(user.AccountId, "gone@delete.example.com", ct);
        var kept = await stores.NewMailboxAsync(user.AccountId, "kept@delete.example.com", ct);
        // Each mailbox with what the webhook, the keeper and the worker leave behind (another instance's, possibly):
        // a subscription, a queued notification, a catch-up job, a delta link, a sighting and an outcome.
        foreach (var mailbox in new[] { gone, kept })
        {
            await stores.Subscriptions.CreateSubscriptionAsync(Subscription(mailbox, DateTimeOffset.UtcNow.AddDays(3)), ct);
            await inbox.EnqueueAsync([InboxRow(mailbox)], ct);
            await jobs.EnqueueAsync(user.AccountId, mailbox.Id, WatchedFolders.Inbox, JobKinds.CatchUp, ct);
            await jobs.SaveDeltaLinkAsync(user.AccountId, mailbox.Id, WatchedFolders.Inbox, $"delta-{mailbox.Id}", ct);
            await stores.Db.InTransactionAsync(async transaction =>
            {
                await ThreadStore.AddSightingAsync(transaction, user.AccountId, emailId, mailbox.Id, WatchedFolders.Inbox, $"graph-{mailbox.Id}", null, DateTimeOffset.UtcNow, ct);
                await OutcomeStore.SaveOutcomeAsync(transaction, Outcome(mailbox, messageId, emailId), ct);
            }, ct);
        }

        // No store reads jobs by mailbox; they are seen gone this way: they reference the mailbox, so a job left behind
        // would make the database refuse the delete.
        await stores.Mailboxes.DeleteAsync(user.AccountId, gone.Id, ct);

        Assert.Null(await stores.Mailboxes.GetByIdAsync(user.AccountId, gone.Id, ct));
        Assert.Empty(await stores.Subscriptions.GetSubscriptionsOfMailboxAsync(gone.Id, ct));
        Assert.Empty(await inbox.CountByStatusAsync(user.AccountId, gone.Id, ct));
        Assert.Null(await jobs.GetDeltaLinkAsync(gone.Id, WatchedFolders.Inbox, ct));
        Assert.Null(await new ThreadStore(stores.Db).GetSightingMessageIdAsync(user.AccountId, emailId, gone.Id, ct));
        Assert.Equal(kept.Id, Assert.Single(await new OutcomeStore(stores.Db).GetOutcomesAsync(user.AccountId, messageId, null, ct)).MailboxId);
        Assert.NotNull(await stores.Mailboxes.GetByIdAsync(user.AccountId, kept.Id, ct));
        Assert.Single(await stores.Subscriptions.GetSubscriptionsOfMailboxAsync(kept.Id, ct));
        Assert.Equal(1, (await inbox.CountByStatusAsync(user.AccountId, kept.Id, ct))[InboxStatuses.Pending]);
        Assert.Equal($"delta-{kept.Id}", await jobs.GetDeltaLinkAsync(kept.Id, WatchedFolders.Inbox, ct));
        Assert.Equal($"graph-{kept.Id}", await new ThreadStore(stores.Db).GetSightingMessageIdAsync(user.AccountId, emailId, kept.Id, ct));
    }

    private static MessageOutcome Outcome(ConnectedMailbox mailbox, string messageId, Guid emailId) => new()
    {
        AccountId = mailbox.AccountId,
        InternetMessageId = messageId,
        MailboxId = mailbox.Id,
        Outcome = OutcomeKinds.Logged,
        Reason = "test",
        EmailId = emailId,
        DecidedAt = DateTimeOffset.UtcNow,
    };

    private static ConnectedMailbox NewMailbox(Guid accountId, string address) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        Address = address,
        AddressNormalized = address,
        Kind = MailboxKinds.Personal,
        ConnectedAt = DateTimeOffset.UtcNow,
    };

    private static SubscriptionRow Subscription(ConnectedMailbox mailbox, DateTimeOffset expiresAt) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = mailbox.AccountId,
        MailboxId = mailbox.Id,
        Folder = WatchedFolders.Inbox,
        GraphSubscriptionId = Guid.NewGuid().ToString(),
        ClientStateHash = "hash",
        Status = SubscriptionStatuses.Active,
        ExpiresAt = expiresAt,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    // Due in 2100, so no claim of another test ever takes it.
    private static InboxRow InboxRow(ConnectedMailbox mailbox) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = mailbox.AccountId,
        MailboxId = mailbox.Id,
        Folder = WatchedFolders.Inbox,
        MessageId = "message-1",
        ChangeType = "created",
        ReceivedAt = DateTimeOffset.UtcNow,
        Status = InboxStatuses.Pending,
        Attempts = 0,
        NotBefore = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
