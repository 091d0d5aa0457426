using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.Bench;

/// <summary>
/// Writes the benchmark's data straight into the server's SQLite file with the server's own statements and row types
/// (deterministic: the same run makes the same rows), in large transactions so seeding takes seconds, not minutes.
/// </summary>
public sealed class Seeder(string databasePath, Guid accountId, Guid userId)
{
    public const int Companies = 1_000;

    private readonly DateTimeOffset _now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static string ContactAddress(int i) => $"contact{i}@company{i % Companies}.example.com";

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private Guid TypeId(SqliteConnection connection, string name) =>
        connection.QuerySingle<Guid>("SELECT id FROM object_types WHERE account_id = @AccountId AND name = @Name", new { AccountId = accountId, Name = name });

    private static Guid Id(int kind, int i) => new($"{kind:x8}-0000-7000-8000-{i:x12}");

    private CrmRecord Record(Guid id, Guid typeId, string typeName, string name, string? domain = null, string? stage = null) => new()
    {
        Id = id,
        AccountId = accountId,
        ObjectTypeId = typeId,
        TypeName = typeName,
        Name = name,
        OwnerUserId = userId,
        Domain = domain,
        Stage = stage,
        Properties = "{}",
        CreatedAt = _now,
        UpdatedAt = _now,
    };

    /// <summary>Companies with domains, and <paramref name="contacts"/> contacts, each with one address and its company.</summary>
    public void Contacts(int contacts)
    {
        using var connection = Open();
        var contactType = TypeId(connection, "contact");
        var companyType = TypeId(connection, "company");
        using (var transaction = connection.BeginTransaction())
        {
            var companies = Enumerable.Range(0, Companies).Select(i => Record(Id(1, i), companyType, "company", $"Company {i}", $"company{i}.example.com"));
            connection.Execute(RecordSql.Create, companies, transaction);
            transaction.Commit();
        }
        foreach (var batch in Enumerable.Range(0, contacts).Chunk(10_000))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(RecordSql.Create, batch.Select(i => Record(Id(2, i), contactType, "contact", $"Contact {i}")), transaction);
            connection.Execute(RecordSql.CreateEmail, batch.Select(i => new ContactEmail
            {
                Id = Id(3, i),
                AccountId = accountId,
                RecordId = Id(2, i),
                Address = ContactAddress(i),
                AddressNormalized = ContactAddress(i),
                IsPrimary = true,
            }), transaction);
            connection.Execute(AssociationSql.Create, batch.SelectMany(i => new[]
            {
                new AssociationRow { Id = Id(4, i), AccountId = accountId, FromRecordId = Id(2, i), ToRecordId = Id(1, i % Companies), Label = "", CreatedAt = _now },
                new AssociationRow { Id = Id(4, i), AccountId = accountId, FromRecordId = Id(1, i % Companies), ToRecordId = Id(2, i), Label = "", CreatedAt = _now },
            }), transaction);
            transaction.Commit();
        }
    }

    /// <summary>A deal with <paramref name="emails"/> logged emails on its timeline, one a minute back from now.</summary>
    public Guid DealWithEmails(int emails) => DealWithEmails(emails, out _);

    /// <summary>The same, saying how many emails per second the direct batched inserts wrote (end to end's limit).</summary>
    public Guid DealWithEmails(int emails, out double emailsPerSecond)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var connection = Open();
        var dealId = Id(5, 0);
        connection.Execute(RecordSql.Create, Record(dealId, TypeId(connection, "deal"), "deal", "Benchmark deal", stage: "contractSent"));
        const string body = "<p>Hello Megan,</p><p>Here is the proposal we discussed, with the pricing for the 200 seats and the onboarding plan.</p><p>Best regards,<br>Alex</p>";
        foreach (var batch in Enumerable.Range(0, emails).Chunk(10_000))
        {
            using var transaction = connection.BeginTransaction();
            var rows = batch.Select(i => new LoggedEmail
            {
                Id = Id(6, i),
                AccountId = accountId,
                InternetMessageId = $"<bench-{i}@contoso.com>",
                ConversationId = $"conversation-{i / 5}",
                Kind = EmailKinds.Email,
                Direction = EmailDirections.Outgoing,
                Subject = $"Proposal {i}",
                FromAddress = "alex@contoso.com",
                FromName = "Alex Wilber",
                SentAt = _now.AddMinutes(-i),
                BodyHtml = body,
                Preview = EmailBodies.Preview(body),
                LoggedBecause = "benchmark",
                CreatedAt = _now,
            }).ToList();
            connection.Execute(EmailSql.Create, rows, transaction);
            connection.Execute(EmailSql.CreateParticipant, rows.SelectMany(row => new[]
            {
                new EmailParticipant { EmailId = row.Id, AccountId = accountId, Role = ParticipantRoles.From, Position = 0, Address = row.FromAddress, AddressNormalized = row.FromAddress, DisplayName = row.FromName },
                new EmailParticipant { EmailId = row.Id, AccountId = accountId, Role = ParticipantRoles.To, Position = 0, Address = "megan@fabrikam.com", AddressNormalized = "megan@fabrikam.com", DisplayName = "Megan Bowen" },
            }), transaction);
            connection.Execute(EmailSql.CreateAssociation, rows.Select(row => new EmailAssociation { EmailId = row.Id, RecordId = dealId, AccountId = accountId, SentAt = row.SentAt, CreatedAt = _now }), transaction);
            transaction.Commit();
        }
        emailsPerSecond = emails / started.Elapsed.TotalSeconds;
        connection.Execute("ANALYZE;");
        return dealId;
    }

    /// <summary>
    /// The pane's log intents for emails about to be sent (what the pane PUTs while the rep writes, before the pipeline
    /// measured end to end starts), each logging to <paramref name="recordId"/>.
    /// </summary>
    public void Intents(IEnumerable<string> trackingIds, Guid recordId)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        connection.Execute(LogIntentSql.Create, trackingIds.Select(trackingId => new LogIntent
        {
            AccountId = accountId,
            TrackingId = trackingId,
            UserId = userId,
            DoLog = true,
            RecordIds = $"[\"{recordId}\"]",
            ComposeType = ComposeTypes.NewMail,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddDays(14),
        }), transaction);
        transaction.Commit();
    }

    public static Guid MailboxId(int i) => Id(7, i);

    /// <summary>Connected mailboxes with an active Inbox subscription each: Graph's id and the clientState it sends.</summary>
    public IReadOnlyList<(string SubscriptionId, string ClientState)> Mailboxes(int count)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var subscriptions = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var mailbox = new ConnectedMailbox
            {
                Id = Id(7, i),
                AccountId = accountId,
                Address = $"rep{i}@bench.example.com",
                AddressNormalized = $"rep{i}@bench.example.com",
                Kind = MailboxKinds.Personal,
                ConnectedAt = _now,
            };
            var rowId = Id(8, i);
            var clientState = new ClientStates(new ClientStateKeys(ServerProcess.ClientStateKey, [])).New(rowId);
            connection.Execute(MailboxSql.Create, mailbox, transaction);
            connection.Execute(SubscriptionSql.CreateSubscription, new SubscriptionRow
            {
                Id = rowId,
                AccountId = accountId,
                MailboxId = mailbox.Id,
                Folder = WatchedFolders.Inbox,
                GraphSubscriptionId = $"bench-subscription-{i}",
                ClientStateHash = ClientStates.Hash(clientState),
                ClientStateKey = ClientStateKeys.IdOf(ServerProcess.ClientStateKey),
                Status = SubscriptionStatuses.Active,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(3),
                CreatedAt = _now,
            }, transaction);
            subscriptions.Add(($"bench-subscription-{i}", clientState));
        }
        transaction.Commit();
        return subscriptions;
    }
}
