using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// One-time bases, settings and subscriptions as several API instances write them, on every configured database: a
/// basis given for one email is used by that email once, however many times (or where) the email is processed.
/// </summary>
public class PrivacyStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConsumeReservedBasesAsync_SameEmailLoggedTwice_ConsumedAndAuditedOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = Databases.AnotherInstance(stores.Db);
        var user = await stores.NewAccountAsync(ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        await GrantAsync(stores.Privacy, user, contact, "t-once", ct);

        // The worker logs the email, loses its "done", and logs it again after the lease (here: on another instance).
        var first = await ConsumeAsync(stores.Db, user, "t-once", ct);
        var second = await ConsumeAsync(other, user, "t-once", ct);

        Assert.Equal((1, 0), (first, second));
        Assert.Empty(await OpenBasesAsync(stores, user.AccountId, contact, ct));
        var used = Assert.Single(await stores.Privacy.GetAuditAsync(user.AccountId, contact, ct), entry => entry.Event == AuditEvents.BasisUsed);
        Assert.Equal("t-once", used.TrackingId);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConsumeReservedBasesAsync_TwoInstancesLogTheSameEmailAtOnce_AuditedOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = Databases.AnotherInstance(stores.Db);
        var user = await stores.NewAccountAsync(ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        await GrantAsync(stores.Privacy, user, contact, "t-race", ct);

        // Not asserted: how many each call reports. One may read the basis before the other's commit and wait for its
        // lock; what must hold is the end state, whichever instance wins.
        await Task.WhenAll(ConsumeAsync(stores.Db, user, "t-race", ct), ConsumeAsync(other, user, "t-race", ct));

        Assert.Empty(await OpenBasesAsync(stores, user.AccountId, contact, ct));
        Assert.Single(await stores.Privacy.GetAuditAsync(user.AccountId, contact, ct), entry => entry.Event == AuditEvents.BasisUsed);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConsumeReservedBasesAsync_BasesForAnotherEmailAndForTheNextEmail_LeftOpen(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var user = await stores.NewAccountAsync(ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        await GrantAsync(stores.Privacy, user, contact, "t-mine", ct);
        var forAnother = await GrantAsync(stores.Privacy, user, contact, "t-another", ct);
        var forNext = await GrantAsync(stores.Privacy, user, contact, null, ct);

        Assert.Equal(1, await ConsumeAsync(stores.Db, user, "t-mine", ct));

        // The send check consumes a basis for "the next email"; the logged send only those reserved for it.
        Assert.Equal(new[] { forAnother, forNext }.Order(), (await OpenBasesAsync(stores, user.AccountId, contact, ct)).Select(basis => basis.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SaveSettingsAsync_SavedByTwoInstancesInTurn_OneRowTheLastWinsDomainsReplaced(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new PrivacyStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var settings = PrivacySettings.Default(user.AccountId) with { PrivacyEnabled = true, UpdatedAt = DateTimeOffset.UtcNow, UpdatedByUserId = user.UserId };

        await stores.Privacy.SaveSettingsAsync(settings, ["contoso.com", "contoso.net"], ct);
        await other.SaveSettingsAsync(settings with { UnknownRecipients = UnknownRecipientPolicies.Block, BodyRetentionDays = 30 }, ["contoso.org"], ct);

        // One row: the read is a single-row query and would throw on two.
        var saved = await stores.Privacy.GetSettingsAsync(user.AccountId, ct);
        Assert.Equal((true, UnknownRecipientPolicies.Block, (int?)30), (saved.PrivacyEnabled, saved.UnknownRecipients, saved.BodyRetentionDays));
        Assert.Equal(["contoso.org"], await stores.Privacy.GetInternalDomainsAsync(user.AccountId, ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SaveSubscriptionAsync_SavedByTwoInstancesInTurn_OneSubscriptionEachChangeAudited(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var other = new PrivacyStore(Databases.AnotherInstance(stores.Db));
        var user = await stores.NewAccountAsync(ct);
        var contact = await stores.ContactAsync(user, "Megan", ct);
        var subscribed = new ContactSubscription
        {
            AccountId = user.AccountId,
            ContactId = contact,
            SubscriptionType = SubscriptionTypes.OneToOne,
            Status = SubscriptionStatuses.Subscribed,
            LegalBasis = LegalBases.Consent,
            UpdatedAt = DateTimeOffset.UtcNow,
        };

        await stores.Privacy.SaveSubscriptionAsync(subscribed, Audit(user, contact, AuditEvents.SubscriptionChanged), ct);
        await other.SaveSubscriptionAsync(subscribed with { Status = SubscriptionStatuses.Unsubscribed, LegalBasis = null }, Audit(user, contact, AuditEvents.SubscriptionChanged), ct);

        var saved = Assert.Single((await new ContactFactsStore(stores.Db).LoadAsync(user.AccountId, [contact], trackingId: null, ct)).Subscriptions);
        Assert.Equal(SubscriptionStatuses.Unsubscribed, saved.Status);
        Assert.Equal(2, (await stores.Privacy.GetAuditAsync(user.AccountId, contact, ct)).Count(entry => entry.Event == AuditEvents.SubscriptionChanged));
    }

    private static async Task<IReadOnlyList<OneTimeBasis>> OpenBasesAsync(CrmStores stores, Guid accountId, Guid contact, CancellationToken ct) =>
        (await new ContactFactsStore(stores.Db).LoadAsync(accountId, [contact], trackingId: null, ct)).OpenBases;

    private static async Task<Guid> GrantAsync(PrivacyStore privacy, CurrentUser user, Guid contact, string? trackingId, CancellationToken ct)
    {
        var basis = new OneTimeBasis
        {
            Id = Guid.CreateVersion7(),
            AccountId = user.AccountId,
            ContactId = contact,
            LegalBasis = LegalBases.LegitimateInterestProspect,
            Explanation = "Asked for a quote at the fair",
            Transactional = false,
            TrackingId = trackingId,
            GrantedByUserId = user.UserId,
            GrantedAt = DateTimeOffset.UtcNow,
        };
        await privacy.GrantOneTimeBasisAsync(basis, Audit(user, contact, AuditEvents.BasisGranted), ct);
        return basis.Id;
    }

    /// <summary>The logging worker's step: in the transaction that logs the email, the bases reserved for it are consumed.</summary>
    private static async Task<int> ConsumeAsync(Db db, CurrentUser user, string trackingId, CancellationToken ct)
    {
        var consumed = 0;
        await db.InTransactionAsync(async transaction =>
            consumed = await PrivacyStore.ConsumeReservedBasesAsync(transaction, user.AccountId, trackingId, user.UserId, DateTimeOffset.UtcNow, ct), ct);
        return consumed;
    }

    private static AuditEntry Audit(CurrentUser user, Guid contact, string auditEvent) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = user.AccountId,
        ContactId = contact,
        Event = auditEvent,
        ActorUserId = user.UserId,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
