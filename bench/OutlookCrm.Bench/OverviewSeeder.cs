using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.Bench;

/// <summary>
/// What the admin overview reads, at the acceptance's scale, written straight into the server's file with the server's
/// statements: mailboxes with both subscriptions, a week of hourly counters each (mailboxes × 168 rows), a week of
/// done inbox rows (which the overview must not read), a small backlog with errors, and a dead letter here and there.
/// </summary>
public static class OverviewSeeder
{
    public static void Seed(string databasePath, Guid accountId, int mailboxes, int doneRowsPerMailbox)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 30000;");
        var now = DateTimeOffset.UtcNow;
        var nowHour = UtcHours.Of(now);
        var random = new Random(19);
        for (var m = 0; m < mailboxes; m++)
        {
            using var transaction = connection.BeginTransaction();
            var mailbox = new ConnectedMailbox
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                Address = $"team{m}@overview.bench.example.com",
                AddressNormalized = $"team{m}@overview.bench.example.com",
                Kind = MailboxKinds.Team,
                ConnectedAt = now.AddDays(-30),
            };
            connection.Execute(MailboxSql.Create, mailbox, transaction);
            connection.Execute(SubscriptionSql.CreateSubscription, WatchedFolders.All.Select(folder => new SubscriptionRow
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                MailboxId = mailbox.Id,
                Folder = folder,
                GraphSubscriptionId = Guid.NewGuid().ToString(),
                ClientStateHash = "bench",
                Status = SubscriptionStatuses.Active,
                ExpiresAt = now.AddDays(m % 10 == 0 ? 0.5 : 5),
                CreatedAt = now.AddDays(-2),
            }), transaction);
            connection.Execute(FlowCounterSql.Add.For(DatabaseProvider.Sqlite), Enumerable.Range(0, 168).Select(h =>
            {
                var hour = nowHour - h;
                var logged = random.Next(0, 60);
                var finished = FlowHour.Finished(accountId, mailbox.Id, UtcHours.Start(hour), Enumerable.Range(0, logged).Select(_ => TimeSpan.FromSeconds(random.Next(0, 20))));
                return finished with { Notifications = logged + random.Next(0, 5), EmailsLogged = logged };
            }), transaction);
            connection.Execute(InboxSql.Enqueue.For(DatabaseProvider.Sqlite), Enumerable.Range(0, doneRowsPerMailbox + 12).Select(i => new InboxRow
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                MailboxId = mailbox.Id,
                Folder = WatchedFolders.Inbox,
                MessageId = $"bench-{m}-{i}",
                ChangeType = "created",
                ReceivedAt = now.AddMinutes(-i),
                Status = i < 10 ? InboxStatuses.Pending : i < 12 && m % 25 == 0 ? InboxStatuses.Dead : InboxStatuses.Done,
                Attempts = 0,
                NotBefore = now,
            }), transaction);
            // A few retries pending with Graph's error, as a throttled mailbox has them.
            connection.Execute("UPDATE notification_inbox SET last_error = 'throttled by Graph' WHERE mailbox_id = @Id AND status IN ('pending', 'dead') AND message_id LIKE '%-1'",
                new { mailbox.Id }, transaction);
            transaction.Commit();
        }
        connection.Execute("ANALYZE;");
    }
}
