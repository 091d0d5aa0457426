using Dapper;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// The housekeeping purge over the real stores, on every configured database: finished inbox rows, outcomes and expired
/// intents older than their ages go, in batches; younger ones, dead letters and unfinished rows stay.
/// </summary>
/// <remarks>
/// A purge reads every account's rows, so this test keeps out of the others' way by time: its rows are of 1850, and its
/// clock says 1 July 1850, so the ages reach back to nothing any other test writes (the inbox claim tests use 1901).
/// </remarks>
public class HousekeepingTests
{
    private static readonly DateTimeOffset Now = new(1850, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RunAsync_RowsOlderThanTheirAgesGoInBatches_YoungerDeadAndUnfinishedStay(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "rep@housekeeping.example.com", ct);
        var (inbox, outcomes, intents) = (new InboxStore(stores.Db), new OutcomeStore(stores.Db), new LogIntentStore(stores.Db));
        // Defaults: finished inbox rows 7 days, outcomes 90 days, intents 7 days past their expiry.
        var options = new HousekeepingOptions { BatchSize = 2 };
        var tag = Guid.NewGuid().ToString("N")[..8];

        await InboxRowAsync(stores.Db, inbox, user.AccountId, mailbox.Id, $"{tag}-old", InboxStatuses.Done, finished: Now.AddDays(-30), ct, count: 5);
        await InboxRowAsync(stores.Db, inbox, user.AccountId, mailbox.Id, $"{tag}-young", InboxStatuses.Done, finished: Now.AddDays(-6), ct, count: 2);
        await InboxRowAsync(stores.Db, inbox, user.AccountId, mailbox.Id, $"{tag}-dead", InboxStatuses.Dead, finished: Now.AddDays(-300), ct);
        await InboxRowAsync(stores.Db, inbox, user.AccountId, mailbox.Id, $"{tag}-pending", InboxStatuses.Pending, finished: null, ct);
        foreach (var (name, decided) in new[] { ("o1", -100), ("o2", -100), ("o3", -91), ("young", -89) })
        {
            await outcomes.SaveOutcomeAsync(new MessageOutcome
            {
                AccountId = user.AccountId,
                InternetMessageId = $"<{tag}-{name}@housekeeping>",
                MailboxId = mailbox.Id,
                Outcome = OutcomeKinds.NotLogged,
                Reason = "test",
                DecidedAt = Now.AddDays(decided),
            }, ct);
        }
        foreach (var (name, expires) in new[] { ("i1", -30), ("i2", -8), ("i3", -8), ("young", -6), ("waiting", 3) })
        {
            await intents.SaveAsync(new LogIntent
            {
                AccountId = user.AccountId,
                TrackingId = $"{tag}-{name}",
                UserId = user.UserId,
                DoLog = true,
                RecordIds = "[]",
                CreatedAt = Now.AddDays(expires - 14),
                UpdatedAt = Now.AddDays(expires - 14),
                ExpiresAt = Now.AddDays(expires),
            }, ct);
        }

        // One statement deletes one batch at most...
        Assert.Equal(2, await inbox.PurgeAsync(Now.AddDays(-7), options.BatchSize, ct));
        // ...and the purge runs them until a batch comes back short.
        var deleted = await new HousekeepingPurge([inbox, outcomes, intents], options, new FakeTimeProvider(Now)).RunAsync(ct);

        Assert.Equal(3, deleted[inbox.Kind]);
        Assert.Equal(3, deleted[outcomes.Kind]);
        Assert.Equal(3, deleted[intents.Kind]);
        await using var connection = await stores.Db.OpenAsync(ct);
        var inboxLeft = await connection.QueryAsync<string>("SELECT message_id FROM notification_inbox WHERE mailbox_id = @Id", new { mailbox.Id });
        Assert.Equal([$"{tag}-dead-0", $"{tag}-pending-0", $"{tag}-young-0", $"{tag}-young-1"], inboxLeft.Order());
        Assert.Equal([$"<{tag}-young@housekeeping>"], await connection.QueryAsync<string>(
            "SELECT internet_message_id FROM message_outcomes WHERE mailbox_id = @Id", new { mailbox.Id }));
        Assert.Equal([$"{tag}-waiting", $"{tag}-young"], (await connection.QueryAsync<string>(
            "SELECT tracking_id FROM log_intents WHERE account_id = @AccountId", new { user.AccountId })).Order());
    }

    private static async Task InboxRowAsync(
        Db db, InboxStore inbox, Guid accountId, Guid mailboxId, string name, string status, DateTimeOffset? finished, CancellationToken ct, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var row = new InboxRow
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                MailboxId = mailboxId,
                Folder = WatchedFolders.Inbox,
                MessageId = $"{name}-{i}",
                ChangeType = "created",
                ReceivedAt = Now.AddDays(-400),
                Status = InboxStatuses.Pending,
                Attempts = 0,
                // Due only in 2999: the claim tests' sweeps and any worker leave it alone.
                NotBefore = new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero),
            };
            await inbox.EnqueueAsync([row], ct);
            await using var connection = await db.OpenForWriteAsync(ct);
            await connection.ExecuteAsync("UPDATE notification_inbox SET status = @Status, finished_at = @Finished WHERE id = @Id", new { row.Id, Status = status, Finished = finished });
        }
    }
}
