using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Tests.Privacy;

/// <summary>Which one-time basis an email would use: the rule the compose view, the send check and the contact view share.</summary>
public class ContactFactsTests
{
    private static readonly Guid Contact = Guid.CreateVersion7();

    private static OneTimeBasis Basis(bool transactional = false, string? reservedFor = null, string? consumedBy = null) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = Guid.Empty,
        ContactId = Contact,
        LegalBasis = LegalBases.Consent,
        Explanation = "asked",
        Transactional = transactional,
        TrackingId = reservedFor,
        GrantedAt = DateTimeOffset.UnixEpoch,
        ConsumedByTrackingId = consumedBy,
        ConsumedAt = consumedBy is null ? null : DateTimeOffset.UnixEpoch,
    };

    private static ContactSubscription Subscription(string type) => new()
    {
        AccountId = Guid.Empty,
        ContactId = Contact,
        SubscriptionType = type,
        Status = SubscriptionStatuses.Subscribed,
        LegalBasis = LegalBases.Consent,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Of_BasisReservedForThisEmail_UsedBeforeOneForTheNextEmail()
    {
        var next = Basis();
        var reserved = Basis(reservedFor: "t-1");

        var facts = ContactFacts.Of(Contact, optedOut: false, [], [next, reserved], "t-1");

        Assert.Same(reserved, facts.UsableBasis);
    }

    [Fact]
    public void Of_BasisReservedForAnotherEmailOrConsumedByOne_NotUsable()
    {
        var facts = ContactFacts.Of(Contact, optedOut: false, [], [Basis(reservedFor: "t-2"), Basis(consumedBy: "t-2")], "t-1");

        Assert.Null(facts.UsableBasis);
    }

    [Fact]
    public void Of_BasisThisEmailAlreadyConsumed_StillUsable()
    {
        // A send check repeated for the same email finds the basis it took the first time.
        var taken = Basis(consumedBy: "t-1");

        Assert.Same(taken, ContactFacts.Of(Contact, optedOut: false, [], [taken], "t-1").UsableBasis);
    }

    [Fact]
    public void Of_OptedOutContact_OnlyATransactionalBasis()
    {
        var commercial = Basis();
        var transactional = Basis(transactional: true);

        Assert.Null(ContactFacts.Of(Contact, optedOut: true, [], [commercial], null).UsableBasis);
        Assert.Same(transactional, ContactFacts.Of(Contact, optedOut: true, [], [commercial, transactional], null).UsableBasis);
    }

    [Fact]
    public void Of_Subscriptions_OnlyTheOneToOneCounts()
    {
        var oneToOne = Subscription(SubscriptionTypes.OneToOne);

        Assert.Null(ContactFacts.Of(Contact, optedOut: false, [Subscription("newsletter")], [], null).OneToOne);
        Assert.Same(oneToOne, ContactFacts.Of(Contact, optedOut: false, [Subscription("newsletter"), oneToOne], [], null).OneToOne);
    }
}
