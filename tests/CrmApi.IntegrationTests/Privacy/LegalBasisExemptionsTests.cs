using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>Tickets (transactional for their own contacts: <see cref="TicketRuleTests"/>), internal recipients and recipients with no record.</summary>
public class LegalBasisExemptionsTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.com";

    [Fact]
    public async Task AssociatedWithTheContactsTicket_AllowedWithoutBasis_AndTheExemptionIsRecorded()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Invoice question" });
        await rep.AssociateAsync(ticket, contact);
        await rep.SetPrivacyAsync(true);

        var check = await rep.SendCheckAsync([Megan], associations: [ticket], trackingId: "t-ticket");

        Assert.True(check.GetProperty("allowed").GetBoolean());
        var exemption = Assert.Single(await rep.AuditAsync(contact), entry => entry.GetProperty("event").GetString() == "exempted");
        Assert.Equal("ticketTransactional", exemption.GetProperty("reason").GetString());
        Assert.Equal("t-ticket", exemption.GetProperty("trackingId").GetString());
        Assert.Equal($"ticket {ticket}", exemption.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task StartedFromTheContactsTicket_Exempt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Invoice question" });
        await rep.AssociateAsync(contact, ticket);
        await rep.SetPrivacyAsync(true);

        var context = await rep.PostAsync("/api/compose/context", new { to = new[] { Megan }, startedFrom = new { type = "ticket", id = ticket } });

        Assert.True(context.Json.GetProperty("allowed").GetBoolean());
        Assert.True(context.Json.GetProperty("transactional").GetBoolean());
        Assert.Equal("exempt", Assert.Single(context.Json.GetProperty("recipients").EnumerateArray()).GetProperty("status").GetString());
    }

    /// <summary>
    /// The reference product's ticket emails are transactional one-to-one mail, which a global opt-out (from commercial
    /// email) does not stop: the ticket's own contact gets mail about their ticket.
    /// </summary>
    [Fact]
    public async Task TheContactsTicketAndGloballyOptedOut_TransactionalSoAllowed()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Refund" });
        await rep.AssociateAsync(ticket, contact);
        await rep.OptOutAsync(contact);

        var check = await rep.SendCheckAsync([Megan], associations: [ticket], trackingId: "t-refund");

        Assert.True(check.GetProperty("allowed").GetBoolean());
        Assert.Contains(await rep.AuditAsync(contact), entry => entry.GetProperty("event").GetString() == "exempted");
    }

    [Fact]
    public async Task AssociatedWithADealOnly_NotExempt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.ContactAsync(Megan);
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        await rep.SetPrivacyAsync(true);

        Assert.False((await rep.SendCheckAsync([Megan], associations: [deal])).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task NoRecord_WarnsByDefault_BlocksWhenTheAccountSaysSo()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.SetPrivacyAsync(true);

        var warned = await rep.SendCheckAsync(["stranger@nowhere.example.com"]);
        await rep.SetPrivacyAsync(true, unknownRecipients: "block");
        var blocked = await rep.SendCheckAsync(["stranger@nowhere.example.com"]);

        Assert.True(warned.GetProperty("allowed").GetBoolean());
        var warning = Assert.Single(warned.GetProperty("warnings").EnumerateArray());
        Assert.Equal("noRecord", warning.GetProperty("reason").GetString());
        Assert.Equal(["createContact"], warning.GetProperty("fixes").Strings());
        Assert.False(blocked.GetProperty("allowed").GetBoolean());
        Assert.Equal("noRecord", Assert.Single(blocked.GetProperty("blockers").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task InternalRecipients_UsersAndOwnDomainsWithSubdomains_NeverNeedABasis()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var colleague = await CrmClient.SignInAsync(factory, "colleague@" + rep.Email.Split('@')[1]);
        await rep.SetPrivacyAsync(true, unknownRecipients: "block", internalDomains: ["contoso.com"]);
        // Even a contact record with an internal address needs no basis.
        await rep.ContactAsync("lee@eu.contoso.com", "Lee (colleague)");

        var check = await rep.SendCheckAsync([colleague.Email, "lee@eu.contoso.com", "anyone@contoso.com"]);

        Assert.True(check.GetProperty("allowed").GetBoolean(), check.ToString());
        var context = await rep.PostAsync("/api/compose/context", new { to = new[] { colleague.Email, "lee@eu.contoso.com" } });
        Assert.All(context.Json.GetProperty("recipients").EnumerateArray(), recipient => Assert.Equal("internal", recipient.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task SharedAddress_OneContactWithoutBasis_BlocksAndNamesThatContact()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var lee = await rep.ContactAsync("purchasing@northwind.example.com", "Lee Gu");
        var isaiah = await rep.ContactAsync("purchasing@northwind.example.com", "Isaiah Langer");
        await rep.SetPrivacyAsync(true);
        await rep.SubscribeAsync(lee);

        var check = await rep.SendCheckAsync(["purchasing@northwind.example.com"]);

        Assert.False(check.GetProperty("allowed").GetBoolean());
        var blocker = Assert.Single(check.GetProperty("blockers").EnumerateArray());
        Assert.Equal(isaiah, blocker.GetProperty("contactId").GetGuid());
        Assert.Equal("Isaiah Langer", blocker.GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task ComposeContext_ShowsEveryRecipientButConsumesAndRecordsNothing()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);
        await rep.OneTimeBasisAsync(contact);
        var auditBefore = await factory.CountRowsAsync("communication_audit", rep.AccountId);

        var first = await rep.PostAsync("/api/compose/context", new { to = new[] { Megan }, cc = new[] { "x@nowhere.example.com" }, trackingId = "t-1" });
        var second = await rep.PostAsync("/api/compose/context", new { to = new[] { Megan }, trackingId = "t-2" });

        var recipients = first.Json.GetProperty("recipients").EnumerateArray().ToList();
        Assert.Equal(["to", "cc"], recipients.Select(recipient => recipient.GetProperty("field").GetString()));
        Assert.Equal("ok", recipients[0].GetProperty("status").GetString());
        Assert.Equal("oneTimeBasis", recipients[0].GetProperty("reason").GetString());
        Assert.Equal(contact, Assert.Single(recipients[0].GetProperty("contacts").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("noRecord", recipients[1].GetProperty("status").GetString());
        Assert.True(second.Json.GetProperty("allowed").GetBoolean());
        Assert.Equal(auditBefore, await factory.CountRowsAsync("communication_audit", rep.AccountId));
        Assert.False(recipients[0].GetProperty("contacts")[0].TryGetProperty("usedBasis", out _));
    }
}
