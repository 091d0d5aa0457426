using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// What the logging rules write beside an email, on every configured database. A message is processed at least once:
/// its notification comes twice, a row whose "done" was lost is taken up again after its lease, another instance
/// handles a colleague's copy. Each of these writes must come out the same however often it is made.
/// </summary>
public class ThreadAndOutcomeStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SaveOutcomeAsync_SameMessageDecidedTwiceByTwoInstances_OneRowWithTheLatestDecision(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new OutcomeStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "rep@outcome.example.com", ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        var messageId = $"<{Guid.NewGuid():N}@contoso.com>";
        var emailId = await stores.LogEmailAsync(user.AccountId, messageId, [contact], ct);
        var first = Outcome(mailbox, messageId, OutcomeKinds.NotLogged, "waiting for the sender's own copy", null);

        await new OutcomeStore(stores.Db).SaveOutcomeAsync(first, ct);
        await other.SaveOutcomeAsync(first with { Outcome = OutcomeKinds.Logged, Reason = "intent t-1", EmailId = emailId, DecidedAt = first.DecidedAt.AddSeconds(1) }, ct);

        var saved = Assert.Single(await other.GetOutcomesAsync(user.AccountId, messageId, null, ct));
        Assert.Equal((OutcomeKinds.Logged, "intent t-1", (Guid?)emailId), (saved.Outcome, saved.Reason, saved.EmailId));
        Assert.Equal(messageId, Assert.Single(await other.GetOutcomesAsync(user.AccountId, null, "t-1", ct)).InternetMessageId);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SaveOutcomeAsync_OneMessageSeenInTwoMailboxes_OneOutcomePerMailbox(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var logging = new OutcomeStore(stores.Db);
        var user = await stores.NewAccountAsync(ct);
        var sender = await stores.NewMailboxAsync(user.AccountId, "sender@outcome.example.com", ct);
        var colleague = await stores.NewMailboxAsync(user.AccountId, "colleague@outcome.example.com", ct);
        var messageId = $"<{Guid.NewGuid():N}@contoso.com>";

        await logging.SaveOutcomeAsync(Outcome(sender, messageId, OutcomeKinds.Logged, "intent t-1", null), ct);
        await logging.SaveOutcomeAsync(Outcome(colleague, messageId, OutcomeKinds.NotLogged, "already logged: seen in this mailbox too", null), ct);

        var outcomes = await logging.GetOutcomesAsync(user.AccountId, messageId, null, ct);
        Assert.Equal(new[] { sender.Id, colleague.Id }.Order(), outcomes.Select(outcome => outcome.MailboxId).Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AddSightingAsync_SameCopyRecordedByTwoInstances_OneSightingTheFirstKept(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new ThreadStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "rep@sighting.example.com", ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        var emailId = await stores.LogEmailAsync(user.AccountId, $"<{Guid.NewGuid():N}@contoso.com>", [contact], ct);
        var now = DateTimeOffset.UtcNow;

        await stores.Db.InTransactionAsync(transaction => ThreadStore.AddSightingAsync(
            transaction, user.AccountId, emailId, mailbox.Id, WatchedFolders.SentItems, "graph-1", "conversation-9", now, ct), ct);
        await Databases.AnotherInstance(stores.Db).InTransactionAsync(transaction => ThreadStore.AddSightingAsync(
            transaction, user.AccountId, emailId, mailbox.Id, WatchedFolders.SentItems, "graph-2", "conversation-9", now.AddSeconds(1), ct), ct);

        Assert.Equal("graph-1", await other.GetSightingMessageIdAsync(user.AccountId, emailId, mailbox.Id, ct));
        Assert.Equal(emailId, await other.GetEmailOfConversationAsync(user.AccountId, mailbox.Id, "conversation-9", ct));
        Assert.Equal([emailId], await other.GetEmailsOfConversationAsync(user.AccountId, "conversation-9", ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AddAssociationsAsync_SameRecordsTwiceAndOneDeleted_EachRemainingRecordOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new ThreadStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var megan = await stores.ContactAsync(user, "Megan", ct);
        var lee = await stores.ContactAsync(user, "Lee", ct);
        var deleted = await stores.ContactAsync(user, "Deleted since the intent", ct);
        Assert.True(await stores.Records.DeleteAsync(user.AccountId, deleted, ct));
        var emailId = await stores.LogEmailAsync(user.AccountId, $"<{Guid.NewGuid():N}@contoso.com>", [megan], ct);

        // A colleague's copy joins its intent's records to the email; processed twice, it joins them once.
        await new ThreadStore(stores.Db).AddAssociationsAsync(user.AccountId, emailId, [megan, lee, deleted], DateTimeOffset.UtcNow, ct);
        await other.AddAssociationsAsync(user.AccountId, emailId, [megan, lee, deleted], DateTimeOffset.UtcNow, ct);

        Assert.Equal(new[] { megan, lee }.Order(), (await other.GetRecordIdsOfEmailsAsync(user.AccountId, [emailId], ct)).Order());
        Assert.Single(await stores.Emails.GetTimelinePageAsync(user.AccountId, lee, null, 10, ct));
    }

    private static MessageOutcome Outcome(ConnectedMailbox mailbox, string messageId, string outcome, string reason, Guid? emailId) => new()
    {
        AccountId = mailbox.AccountId,
        InternetMessageId = messageId,
        MailboxId = mailbox.Id,
        TrackingId = "t-1",
        Outcome = outcome,
        Reason = reason,
        EmailId = emailId,
        DecidedAt = DateTimeOffset.UtcNow,
    };
}
