using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>
/// The ticket rule as the reference product has it (issue 17): an email started from or associated with a ticket is
/// transactional for that ticket's contacts only; others on the email still need their basis; open tickets only, unless
/// the rep says the email concerns a closed one. Ticked the way the pane ticks it: in the log intent the on-send
/// handler's check reads by tracking id.
/// </summary>
public class TicketRuleTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.example.com";
    private const string Isaiah = "isaiah@northwind.example.com";

    private static async Task TickAsync(CrmClient rep, string trackingId, Guid[] records, Guid[]? confirmedClosedTickets = null)
    {
        var reply = await rep.SendAsync(HttpMethod.Put, $"/api/log-intents/{trackingId}", new { log = true, associations = records, confirmedClosedTickets });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    private static JsonElement Entry(List<JsonElement> audit, string @event) =>
        Assert.Single(audit, entry => entry.GetProperty("event").GetString() == @event);

    [Fact]
    public async Task OptedOutContactNotOnTheTicket_BlockedEvenWithTheTicketTicked_TheTicketsOwnContactPasses_BothAudited()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync(Megan, "Megan Bowen");
        var isaiah = await rep.ContactAsync(Isaiah, "Isaiah Langer");
        var ticket = await rep.CreateAsync("ticket", new { name = "Invoices do not sync" });
        await rep.AssociateAsync(ticket, megan);
        await rep.SetPrivacyAsync(true);
        await rep.OptOutAsync(isaiah);
        await TickAsync(rep, "t-rule", [ticket]);

        var check = await rep.SendCheckAsync([Megan], cc: [Isaiah], trackingId: "t-rule");

        Assert.False(check.GetProperty("allowed").GetBoolean());
        var blocker = Assert.Single(check.GetProperty("blockers").EnumerateArray());
        Assert.Equal(isaiah, blocker.GetProperty("contactId").GetGuid());
        Assert.Equal("globallyOptedOut", blocker.GetProperty("reason").GetString());
        var exempted = Entry(await rep.AuditAsync(megan), "exempted");
        Assert.Equal("ticketTransactional", exempted.GetProperty("reason").GetString());
        Assert.Equal($"ticket {ticket}", exempted.GetProperty("explanation").GetString());
        Assert.Equal("t-rule", exempted.GetProperty("trackingId").GetString());
        var isaiahAudit = await rep.AuditAsync(isaiah);
        Assert.Equal("globallyOptedOut", Entry(isaiahAudit, "sendBlocked").GetProperty("reason").GetString());
        Assert.DoesNotContain(isaiahAudit, entry => entry.GetProperty("event").GetString() == "exempted");
    }

    [Fact]
    public async Task ClosedTicket_ExemptsNoOne_UnlessTheRepSaysTheEmailConcernsIt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Old invoice question", status = "closed" });
        await rep.AssociateAsync(ticket, megan);
        await rep.SetPrivacyAsync(true);

        var context = await rep.PostAsync("/api/compose/context", new { to = new[] { Megan }, associations = new[] { ticket } });
        await TickAsync(rep, "t-closed", [ticket]);
        var unconfirmed = await rep.SendCheckAsync([Megan], trackingId: "t-closed");
        var confirmedContext = await rep.PostAsync("/api/compose/context", new { to = new[] { Megan }, associations = new[] { ticket }, confirmedClosedTickets = new[] { ticket } });
        await TickAsync(rep, "t-closed", [ticket], confirmedClosedTickets: [ticket]);
        var confirmed = await rep.SendCheckAsync([Megan], trackingId: "t-closed");

        Assert.Equal("needsBasis", Assert.Single(context.Json.GetProperty("recipients").EnumerateArray()).GetProperty("status").GetString());
        Assert.False(context.Json.GetProperty("transactional").GetBoolean());
        var closed = Assert.Single(context.Json.GetProperty("closedTickets").EnumerateArray());
        Assert.Equal(ticket, closed.GetProperty("id").GetGuid());
        Assert.False(closed.GetProperty("confirmed").GetBoolean());
        Assert.False(unconfirmed.GetProperty("allowed").GetBoolean());
        Assert.Equal("exempt", Assert.Single(confirmedContext.Json.GetProperty("recipients").EnumerateArray()).GetProperty("status").GetString());
        Assert.True(confirmedContext.Json.GetProperty("closedTickets")[0].GetProperty("confirmed").GetBoolean());
        Assert.True(confirmed.GetProperty("allowed").GetBoolean(), confirmed.ToString());
        var audit = await rep.AuditAsync(megan);
        Assert.Equal("noLegalBasis", Entry(audit, "sendBlocked").GetProperty("reason").GetString());
        Assert.Equal($"closed ticket {ticket}, confirmed by the rep", Entry(audit, "exempted").GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task TicketWithNoContacts_ExemptsNoOne()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Created a minute ago" });
        await rep.SetPrivacyAsync(true);

        var check = await rep.SendCheckAsync([Megan], associations: [ticket], startedFrom: new { type = "ticket", id = ticket }, trackingId: "t-empty");

        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Equal("noLegalBasis", Assert.Single(check.GetProperty("blockers").EnumerateArray()).GetProperty("reason").GetString());
        Assert.DoesNotContain(await rep.AuditAsync(megan), entry => entry.GetProperty("event").GetString() == "exempted");
    }

    [Fact]
    public async Task AnotherCustomersTicket_ExemptsNoOneElse()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync(Megan);
        var isaiah = await rep.ContactAsync(Isaiah, "Isaiah Langer");
        var isaiahsTicket = await rep.CreateAsync("ticket", new { name = "Northwind: delivery late" });
        await rep.AssociateAsync(isaiahsTicket, isaiah);
        await rep.SetPrivacyAsync(true);

        var check = await rep.SendCheckAsync([Megan], associations: [isaiahsTicket]);

        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Equal(megan, Assert.Single(check.GetProperty("blockers").EnumerateArray()).GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task AnotherAccountsTicket_NotFound_AndNothingExempted()
    {
        var victim = await CrmClient.SignInAsync(factory);
        var victimsMegan = await victim.ContactAsync(Megan);
        var victimsTicket = await victim.CreateAsync("ticket", new { name = "Victim's ticket" });
        await victim.AssociateAsync(victimsTicket, victimsMegan);
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync(Megan);
        await rep.SetPrivacyAsync(true);

        var check = await rep.PostAsync("/api/compose/send-check", new { from = rep.Email, to = new[] { Megan }, associations = new[] { victimsTicket } });
        var started = await rep.PostAsync("/api/compose/send-check", new { from = rep.Email, to = new[] { Megan }, startedFrom = new { type = "ticket", id = victimsTicket } });
        var intent = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-foreign", new { log = true, associations = new[] { victimsTicket } });
        var confirmedOnly = await rep.PostAsync("/api/compose/send-check", new { from = rep.Email, to = new[] { Megan }, confirmedClosedTickets = new[] { victimsTicket } });
        var intentConfirmedOnly = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-foreign", new { log = true, associations = Array.Empty<Guid>(), confirmedClosedTickets = new[] { victimsTicket } });
        var afterwards = await rep.SendCheckAsync([Megan], trackingId: "t-foreign");

        check.AssertProblem(HttpStatusCode.NotFound, "associations[0]");
        started.AssertProblem(HttpStatusCode.NotFound, "startedFrom.id");
        intent.AssertProblem(HttpStatusCode.NotFound, "associations[0]");
        confirmedOnly.AssertProblem(HttpStatusCode.BadRequest, "confirmedClosedTickets[0]");
        intentConfirmedOnly.AssertProblem(HttpStatusCode.BadRequest, "confirmedClosedTickets[0]");
        Assert.False(afterwards.GetProperty("allowed").GetBoolean());
        Assert.DoesNotContain(await rep.AuditAsync(megan), entry => entry.GetProperty("event").GetString() == "exempted");
        Assert.DoesNotContain(victimsTicket.ToString(), (await rep.AuditAsync(megan)).Select(entry => entry.ToString()).Aggregate("", string.Concat));
    }
}
