using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>The reference product's legal-basis rules (DESIGN.md §1), each through the HTTP API on a real SQLite file.</summary>
public class LegalBasisRulesTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.com";

    [Fact]
    public async Task PrivacyOff_ContactNotOptedOut_Allowed()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.ContactAsync(Megan);

        var check = await rep.SendCheckAsync([Megan]);

        Assert.True(check.GetProperty("allowed").GetBoolean());
        Assert.Empty(check.GetProperty("blockers").EnumerateArray());
    }

    [Fact]
    public async Task PrivacyOn_NoSubscriptionNoOneTimeBasis_BlockedWithBothFixes()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);

        var check = await rep.SendCheckAsync([Megan]);

        Assert.False(check.GetProperty("allowed").GetBoolean());
        var blocker = Assert.Single(check.GetProperty("blockers").EnumerateArray());
        Assert.Equal(contact, blocker.GetProperty("contactId").GetGuid());
        Assert.Equal(Megan, blocker.GetProperty("address").GetString());
        Assert.Equal("noLegalBasis", blocker.GetProperty("reason").GetString());
        Assert.Equal(["addOneToOneSubscription", "oneTimeBasis"], blocker.GetProperty("fixes").Strings());
    }

    [Fact]
    public async Task PrivacyOn_OneToOneSubscriptionWithBasis_Allowed()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.SubscribeAsync(contact);

        Assert.True((await rep.SendCheckAsync([Megan])).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task PrivacyOn_UnsubscribedFromOneToOne_OnlyAOneTimeBasisIsOffered()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.SubscribeAsync(contact);
        await rep.SubscribeAsync(contact, status: "unsubscribed");

        var blocker = Assert.Single((await rep.SendCheckAsync([Megan])).GetProperty("blockers").EnumerateArray());

        Assert.Equal("unsubscribed", blocker.GetProperty("reason").GetString());
        Assert.Equal(["oneTimeBasis"], blocker.GetProperty("fixes").Strings());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GloballyOptedOut_PrivacyOnOrOff_BlockedAndOnlyATransactionalBasisOffered(bool privacy)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(privacy);
        await rep.SubscribeAsync(contact);
        await rep.OptOutAsync(contact);

        var check = await rep.SendCheckAsync([Megan]);
        var communication = (await rep.GetAsync($"/api/contacts/{contact}/communication")).Json;

        Assert.False(check.GetProperty("allowed").GetBoolean());
        var blocker = Assert.Single(check.GetProperty("blockers").EnumerateArray());
        Assert.Equal("globallyOptedOut", blocker.GetProperty("reason").GetString());
        Assert.Equal(["transactionalOneTimeBasis"], blocker.GetProperty("fixes").Strings());
        Assert.True(communication.GetProperty("globallyOptedOut").GetBoolean());
        Assert.Equal("optedOut", communication.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GloballyOptedOut_TransactionalOneTimeBasis_Allowed()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.OptOutAsync(contact);
        await rep.OneTimeBasisAsync(contact, transactional: true);

        Assert.True((await rep.SendCheckAsync([Megan], trackingId: "t-receipt")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task OneTimeBasis_UsedByOneSend_TheNextSendIsBlocked()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        var basis = await rep.OneTimeBasisAsync(contact);

        var first = await rep.SendCheckAsync([Megan], trackingId: "t-first");
        var firstAgain = await rep.SendCheckAsync([Megan], trackingId: "t-first");
        var second = await rep.SendCheckAsync([Megan], trackingId: "t-second");

        Assert.True(first.GetProperty("allowed").GetBoolean());
        Assert.True(firstAgain.GetProperty("allowed").GetBoolean());
        Assert.False(second.GetProperty("allowed").GetBoolean());
        var used = Assert.Single(await rep.AuditAsync(contact), entry => entry.GetProperty("event").GetString() == "basisUsed");
        Assert.Equal("t-first", used.GetProperty("trackingId").GetString());
        Assert.Equal("legitimateInterestProspect", used.GetProperty("legalBasis").GetString());
        Assert.DoesNotContain((await rep.GetAsync($"/api/contacts/{contact}/communication")).Json.GetProperty("oneTimeBases").EnumerateArray(),
            open => open.GetProperty("id").GetGuid() == basis);
    }

    [Fact]
    public async Task OneTimeBasis_WithoutTrackingId_IsStillUsedOnce()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.OneTimeBasisAsync(contact);

        Assert.True((await rep.SendCheckAsync([Megan])).GetProperty("allowed").GetBoolean());
        Assert.False((await rep.SendCheckAsync([Megan])).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task OneTimeBasis_ReservedForAnotherEmail_DoesNotCoverThisOne()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.OneTimeBasisAsync(contact, trackingId: "t-draft-1");

        Assert.False((await rep.SendCheckAsync([Megan], trackingId: "t-draft-2")).GetProperty("allowed").GetBoolean());
        Assert.True((await rep.SendCheckAsync([Megan], trackingId: "t-draft-1")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task SubscriptionAddedAfterABasisWasUsed_CoversLaterEmails()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.OneTimeBasisAsync(contact);
        await rep.SendCheckAsync([Megan], trackingId: "t-1");

        await rep.SubscribeAsync(contact, "consent");

        Assert.True((await rep.SendCheckAsync([Megan], trackingId: "t-2")).GetProperty("allowed").GetBoolean());
    }
}
