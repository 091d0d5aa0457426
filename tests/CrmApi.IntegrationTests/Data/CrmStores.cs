using OutlookCrm.CrmApi.Crm.AddressChoices;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.Erasure;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// The stores over one database, and the data a store test builds for itself: an account of its own (onboarded as the
/// API onboards one), its records, its mailboxes and emails. Tests share the database, so they assert only on these.
/// </summary>
internal sealed class CrmStores(Db db)
{
    public readonly AccountStore Accounts = new(db);
    public readonly ObjectTypeStore Types = new(db);
    public readonly AssociationStore Associations = new(db);
    public readonly LookupStore Lookup = new(db);
    public readonly EmailStore Emails = new(db);
    public readonly PrivacyStore Privacy = new(db);
    public readonly SuppressedAddressStore Suppressed = new(db);
    public readonly SubscriptionStore Subscriptions = new(db);

    // A disconnected mailbox takes its rows of every concept with it, as the API's composition wires it.
    public MailboxStore Mailboxes => new(db, [new ThreadStore(db), new OutcomeStore(db), new InboxStore(db), new JobStore(db, TimeProvider.System), Subscriptions]);

    public Db Db => db;

    // A deleted record takes the rows that point at it, as the API's composition wires it.
    public RecordStore Records => new(db, [Associations, Emails, Privacy, new AddressChoiceStore(db, TimeProvider.System)]);

    public SaveRecord Save => new(Types, Records, new RecordReader(Records, Types), Accounts, new SuppressedAddresses(Suppressed), TimeProvider.System);

    public EmailWriter Writer => new(db, Emails, Records, Suppressed, TimeProvider.System);

    public async Task<CurrentUser> NewAccountAsync(CancellationToken ct)
    {
        var account = await new AccountOnboarding(db, Accounts, [new BuiltinTypesSetup(TimeProvider.System)], new RefusedTenants(), TimeProvider.System).OnboardAsync(Guid.NewGuid().ToString(), "Store test", ct);
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            AccountId = account.Id,
            ObjectId = Guid.NewGuid().ToString(),
            Email = "rep@store.example.com",
            EmailNormalized = "rep@store.example.com",
            DisplayName = "Rep",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await Accounts.CreateUserAsync(user, ct);
        var current = new CurrentUser();
        current.Set(new CurrentUser.Identity(account.Id, user.Id, user.Email, user.DisplayName), isAdmin: true);
        return current;
    }

    public async Task<Guid> CreateAsync(CurrentUser user, string type, RecordInput input, CancellationToken ct)
    {
        var outcome = await Save.CreateAsync(user, type, input, ct);
        return outcome.Value?.Id
            ?? throw new InvalidOperationException($"The {type} was refused: {outcome.MissingDetail ?? string.Join(", ", outcome.Errors!.ToDictionary().Keys)}");
    }

    public Task<Guid> ContactAsync(CurrentUser user, string name, CancellationToken ct) =>
        CreateAsync(user, "contact", new RecordInput(name, null, null, null, null, null, null), ct);

    public async Task<ConnectedMailbox> NewMailboxAsync(Guid accountId, string address, CancellationToken ct)
    {
        var mailbox = new ConnectedMailbox
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Address = address,
            AddressNormalized = address,
            Kind = MailboxKinds.Personal,
            ConnectedAt = DateTimeOffset.UtcNow,
        };
        await Mailboxes.CreateAsync(mailbox, ct);
        return mailbox;
    }

    /// <summary>An email logged to <paramref name="records"/>, as the worker logs one; its id.</summary>
    public async Task<Guid> LogEmailAsync(Guid accountId, string internetMessageId, IReadOnlyList<Guid> records, CancellationToken ct)
    {
        return Assert.IsType<WriteEmailResult.Logged>(await Writer.WriteAsync(Email(accountId, internetMessageId, records), ct)).EmailId;
    }

    /// <summary>An outgoing email from the rep to Megan, to log to <paramref name="records"/>.</summary>
    public static NewEmail Email(Guid accountId, string internetMessageId, IReadOnlyList<Guid> records) => new()
    {
        AccountId = accountId,
        InternetMessageId = internetMessageId,
        ConversationId = "conversation-1",
        Kind = EmailKinds.Email,
        Direction = EmailDirections.Outgoing,
        Subject = "Pricing",
        From = new Mailbox("rep@store.example.com", "Rep"),
        To = [new Mailbox("megan@fabrikam.com", null)],
        SentAt = DateTimeOffset.UtcNow,
        BodyHtml = "<p>x</p>",
        LoggedBecause = "test",
        RecordIds = records,
    };
}
