using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>The worker's claim on a real SQLite file: oldest due rows first, rows whose lease ran out taken back, nothing early.</summary>
public class InboxClaimTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_backlog_is_claimed_oldest_first_in_batches_with_expired_leases_taken_back_and_future_rows_left()
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(ct);
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
        await inbox.CompleteAsync([.. second.Concat(rest).Select(row => (row.Id, "logged"))], Start.AddMinutes(3), ct);
        Assert.Equal("later", Assert.Single(await inbox.ClaimAsync(Start.AddHours(2), TimeSpan.FromMinutes(1), 100, ct)).MessageId);
    }

    [Fact]
    public async Task Rows_marked_done_together_are_not_claimed_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var (inbox, accountId, mailboxId) = await NewInboxAsync(ct);
        await inbox.EnqueueAsync([Row(accountId, mailboxId, "a", Start), Row(accountId, mailboxId, "b", Start)], ct);
        var claimed = await inbox.ClaimAsync(Start, TimeSpan.FromSeconds(1), 10, ct);

        await inbox.CompleteAsync(claimed.Select(row => (row.Id, "logged")).ToList(), Start, ct);

        Assert.Empty(await inbox.ClaimAsync(Start.AddHours(1), TimeSpan.FromSeconds(1), 10, ct));
        Assert.Equal(2, (await inbox.CountByStatusAsync(accountId, mailboxId, ct))[InboxStatuses.Done]);
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

    private static async Task<(InboxStore Inbox, Guid AccountId, Guid MailboxId)> NewInboxAsync(CancellationToken ct)
    {
        TypeHandlers.Register();
        var db = new Db(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=inbox.db" },
            Directory.CreateTempSubdirectory("outlookcrm-inbox-").FullName);
        new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
        var account = await new AccountOnboarding(db, new AccountStore(db), [new BuiltinTypesSetup(TimeProvider.System)], TimeProvider.System).OnboardAsync(Guid.NewGuid().ToString(), "Inbox test", ct);
        var mailbox = new ConnectedMailbox
        {
            Id = Guid.CreateVersion7(),
            AccountId = account.Id,
            Address = "rep@inbox.example.com",
            AddressNormalized = "rep@inbox.example.com",
            Kind = MailboxKinds.Personal,
            ConnectedAt = Start,
        };
        await new MailboxStore(db).CreateAsync(mailbox, ct);
        return (new InboxStore(db), account.Id, mailbox.Id);
    }
}
