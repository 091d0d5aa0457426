using OutlookCrm.CrmApi.IntegrationTests.Data;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// The durable inbox as several API instances share it, on every configured database: the webhook's enqueue and the
/// worker's claim (oldest due rows first, rows whose lease ran out taken back, nothing early, no row to two instances).
/// </summary>
/// <remarks>
/// A claim takes the due rows of every account, so these tests keep out of each other's way and out of other tests'
/// by time rather than by account: their rows fall due in 1901, long before any row another test writes (those fall
/// due now or later), and they run one at a time (one class). Each first finishes whatever a failed earlier run left
/// due then; on a persistent SQL Server that can be rows of another day.
/// </remarks>
public class InboxClaimTests
{
    private static readonly DateTimeOffset Start = new(1901, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClaimAsync_BacklogWithExpiredLeaseAndFutureRow_OldestFirstInBatchesLeaseTakenBackFutureLeft(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(provider, ct);
        var rows = Enumerable.Range(0, 50).Select(i => Row(accountId, mailboxId, $"m{i:D2}", Start.AddSeconds(i))).ToList();
        // Enqueued out of order: the claim orders by when a row is due, not by when it was written.
        await inbox.EnqueueAsync([.. rows.AsEnumerable().Reverse(), Row(accountId, mailboxId, "later", Start.AddHours(1))], ct);

        var first = await inbox.ClaimAsync(Start.AddMinutes(1), TimeSpan.FromMinutes(1), 1, ct);
        Assert.Equal("m00", Assert.Single(first).MessageId);

        // m00's lease has run out (its instance died): it is taken back, with the four next due. (The rows of a
        // claim come back in no particular order: the worker processes them all at once.)
        var second = await inbox.ClaimAsync(Start.AddMinutes(3), TimeSpan.FromMinutes(1), 5, ct);
        Assert.Equal(["m00", "m01", "m02", "m03", "m04"], second.Select(row => row.MessageId).Order());
        Assert.Equal(2, Assert.Single(second, row => row.MessageId == "m00").Attempts);

        var rest = await inbox.ClaimAsync(Start.AddMinutes(3), TimeSpan.FromMinutes(1), 100, ct);
        Assert.Equal(rows.Skip(5).Select(row => row.MessageId), rest.Select(row => row.MessageId).Order());
        Assert.Empty(await inbox.ClaimAsync(Start.AddMinutes(3), TimeSpan.FromMinutes(1), 100, ct));
        await inbox.CompleteAsync([.. second.Concat(rest).Select(row => (row, "logged"))], Start.AddMinutes(3), ct);
        var later = Assert.Single(await inbox.ClaimAsync(Start.AddHours(2), TimeSpan.FromMinutes(1), 100, ct));
        Assert.Equal("later", later.MessageId);
        await inbox.CompleteAsync([(later, "logged")], Start.AddHours(2), ct);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CompleteAsync_RowsMarkedDoneTogether_NotClaimedAgain(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(provider, ct);
        await inbox.EnqueueAsync([Row(accountId, mailboxId, "a", Start), Row(accountId, mailboxId, "b", Start)], ct);
        var claimed = await inbox.ClaimAsync(Start, TimeSpan.FromSeconds(1), 10, ct);

        await inbox.CompleteAsync(claimed.Select(row => (row, "logged")).ToList(), Start, ct);

        Assert.Empty(await inbox.ClaimAsync(Start.AddHours(1), TimeSpan.FromSeconds(1), 10, ct));
        Assert.Equal(2, (await inbox.CountByStatusAsync(accountId, mailboxId, ct))[InboxStatuses.Done]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClaimAsync_TwoInstancesDrainOneBacklogAtOnce_EachRowClaimedByExactlyOne(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(provider, ct);
        var other = new InboxStore(Databases.AnotherInstance(Databases.Get(provider)));
        var rows = Enumerable.Range(0, 60).Select(i => Row(accountId, mailboxId, $"c{i:D2}", Start.AddSeconds(i))).ToList();
        await inbox.EnqueueAsync(rows, ct);

        // Small batches, so the two instances' claims interleave many times over the backlog.
        var claims = await Task.WhenAll(DrainAsync(inbox), DrainAsync(other));

        var claimed = claims.SelectMany(ids => ids).ToList();
        Assert.Equal(rows.Select(row => row.Id).Order(), claimed.Order());
        await inbox.CompleteAsync(rows.Select(row => (row, "logged")).ToList(), Start.AddMinutes(1), ct);

        async Task<List<Guid>> DrainAsync(InboxStore instance)
        {
            var ids = new List<Guid>();
            while ((await instance.ClaimAsync(Start.AddMinutes(1), TimeSpan.FromMinutes(5), 3, ct)) is { Count: > 0 } batch)
            {
                ids.AddRange(batch.Select(row => row.Id));
            }
            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EnqueueAsync_SameNotificationAtTwoInstancesThenLateAfterItsRowIsDone_OneRowStaysDone(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(provider, ct);
        var other = new InboxStore(Databases.AnotherInstance(Databases.Get(provider)));

        // Graph delivers at least once: the same notification reaches two instances at once (each makes its own row id).
        await Task.WhenAll(
            inbox.EnqueueAsync([Row(accountId, mailboxId, "dup", Start)], ct),
            other.EnqueueAsync([Row(accountId, mailboxId, "dup", Start)], ct));
        var claimed = Assert.Single(await inbox.ClaimAsync(Start, TimeSpan.FromMinutes(1), 10, ct));
        await inbox.CompleteAsync([(claimed, "logged")], Start, ct);
        // ...and once more, long after its row was finished: it must neither add a row nor reopen the finished one.
        await other.EnqueueAsync([Row(accountId, mailboxId, "dup", Start.AddMinutes(5))], ct);

        Assert.Equal(new Dictionary<string, long> { [InboxStatuses.Done] = 1 }, await inbox.CountByStatusAsync(accountId, mailboxId, ct));
        Assert.Empty(await inbox.ClaimAsync(Start.AddHours(1), TimeSpan.FromMinutes(1), 10, ct));
    }

    private static InboxRow Row(Guid accountId, Guid mailboxId, string messageId, DateTimeOffset due) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        MailboxId = mailboxId,
        Folder = WatchedFolders.SentItems,
        MessageId = messageId,
        ChangeType = "created",
        ReceivedAt = due,
        Status = InboxStatuses.Pending,
        Attempts = 0,
        NotBefore = due,
    };

    /// <summary>A mailbox of a new account, and an inbox with nothing due in 1901 but what the test enqueues.</summary>
    private static async Task<(InboxStore Inbox, Guid AccountId, Guid MailboxId)> NewInboxAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var stores = new CrmStores(Databases.Get(provider));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "rep@inbox.example.com", ct);
        var inbox = new InboxStore(stores.Db);
        var cleanUpTo = Start.AddYears(1);
        while (await inbox.ClaimAsync(cleanUpTo, TimeSpan.FromMinutes(1), 500, ct) is { Count: > 0 } left)
        {
            await inbox.CompleteAsync(left.Select(row => (row, "left by an earlier run")).ToList(), cleanUpTo, ct);
        }
        return (inbox, user.AccountId, mailbox.Id);
    }
}
