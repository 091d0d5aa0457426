using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Tests.Privacy;

public class CommunicationRulesTests
{
    private static readonly Guid Contact = Guid.CreateVersion7();

    private static ContactSubscription OneToOne(string status, string? basis) => new()
    {
        AccountId = Guid.Empty,
        ContactId = Contact,
        SubscriptionType = SubscriptionTypes.OneToOne,
        Status = status,
        LegalBasis = basis,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static OneTimeBasis Basis(bool transactional) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = Guid.Empty,
        ContactId = Contact,
        LegalBasis = LegalBases.Consent,
        Explanation = "asked",
        Transactional = transactional,
        GrantedAt = DateTimeOffset.UnixEpoch,
    };

    private static ContactDecision Decide(bool optedOut = false, ContactSubscription? oneToOne = null, OneTimeBasis? basis = null, bool privacy = true, bool ticket = false) =>
        CommunicationRules.Decide(new ContactFacts(Contact, optedOut, oneToOne, basis), privacy, ticket);

    [Fact]
    public void Decide_PrivacyOff_Allowed() =>
        Assert.Equal((RecipientStatuses.Ok, DecisionReasons.PrivacyOff), (Decide(privacy: false).Status, Decide(privacy: false).Reason));

    [Fact]
    public void Decide_PrivacyOnNothing_NeedsBasisWithBothFixes()
    {
        var decision = Decide();

        Assert.False(decision.Allowed);
        Assert.Equal([Fixes.AddOneToOneSubscription, Fixes.OneTimeBasis], decision.Fixes);
    }

    [Fact]
    public void Decide_SubscribedWithoutRecordedBasis_IsNoBasis() =>
        Assert.False(Decide(oneToOne: OneToOne(SubscriptionStatuses.Subscribed, null)).Allowed);

    [Fact]
    public void Decide_SubscribedWithBasis_Allowed() =>
        Assert.Equal(DecisionReasons.Subscription, Decide(oneToOne: OneToOne(SubscriptionStatuses.Subscribed, LegalBases.Contract)).Reason);

    [Fact]
    public void Decide_OneTimeBasis_AllowedAndNamesTheBasisToConsume()
    {
        var basis = Basis(transactional: false);

        Assert.Same(basis, Decide(basis: basis).UsesBasis);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_OptedOut_OnlyTransactionalBasisHelps(bool privacy)
    {
        var withCommercialBasis = Decide(optedOut: true, basis: Basis(transactional: false), privacy: privacy, oneToOne: OneToOne(SubscriptionStatuses.Subscribed, LegalBases.Consent));
        var withTransactionalBasis = Decide(optedOut: true, basis: Basis(transactional: true), privacy: privacy);

        Assert.Equal(RecipientStatuses.OptedOut, withCommercialBasis.Status);
        Assert.Equal([Fixes.TransactionalOneTimeBasis], withCommercialBasis.Fixes);
        Assert.True(withTransactionalBasis.Allowed);
    }

    /// <summary>Mail about the contact's own ticket is transactional, as in the reference: a global opt-out does not stop it.</summary>
    [Fact]
    public void Decide_ContactOfTheEmailsTicket_ExemptEvenWhenOptedOut()
    {
        var decision = Decide(optedOut: true, ticket: true);

        Assert.Equal(RecipientStatuses.Exempt, decision.Status);
        Assert.True(decision.Allowed);
        Assert.Null(decision.UsesBasis);
    }

    [Fact]
    public void IsUsableFor_ReservedOrConsumedElsewhere_NotUsable()
    {
        var reserved = Basis(false) with { TrackingId = "t-1" };
        var consumed = Basis(false) with { ConsumedAt = DateTimeOffset.UnixEpoch, ConsumedByTrackingId = "t-2" };

        Assert.True(reserved.IsUsableFor("t-1"));
        Assert.False(reserved.IsUsableFor("t-2"));
        Assert.False(reserved.IsUsableFor(null));
        Assert.True(consumed.IsUsableFor("t-2"));
        Assert.False(consumed.IsUsableFor("t-3"));
    }
}
