using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>The reference product's help-desk and team-inbox rules, through the emulator.</summary>
public class HelpdeskTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.com";

    private static async Task<(string Address, Guid Id)> ConnectAsync(CrmClient rep, Emulator emulator, string kind)
    {
        var address = await emulator.MailboxAsync();
        var reply = await rep.PostAsync("/api/mailboxes", new { address, kind });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (address, reply.Json.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task HelpdeskSend_NotOnATicket_CreatesATicketWithTheRequester()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var emulator = new Emulator(factory);
        var (helpdesk, _) = await ConnectAsync(rep, emulator, "helpdesk");
        var contact = await rep.ContactAsync(Megan);
        await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-hd", new { log = true, associations = Array.Empty<Guid>() });

        await emulator.SendAsync(helpdesk, new
        {
            to = new[] { Megan },
            subject = "RE: Invoice 2026-114 is wrong",
            bodyHtml = "<p>We are on it</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-hd" },
        });

        await Emulator.EventuallyAsync(async () => (await rep.GetAsync("/api/records/ticket?q=Invoice")).Json.GetProperty("items").GetArrayLength() == 1, "a ticket");
        var ticket = (await rep.GetAsync("/api/records/ticket?q=Invoice")).Json.GetProperty("items")[0];
        Assert.Equal("Invoice 2026-114 is wrong", ticket.GetProperty("name").GetString());
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        var ticketId = ticket.GetProperty("id").GetGuid();
        var requester = Assert.Single((await rep.GetAsync($"/api/records/ticket/{ticketId}/associations")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(contact, requester.GetProperty("record").GetProperty("id").GetGuid());
        Assert.Equal("Requester", requester.GetProperty("label").GetString());
        await Emulator.EventuallyAsync(async () => (await rep.GetAsync($"/api/records/contact/{contact}/timeline")).Json.GetProperty("items").GetArrayLength() == 1, "the email on the contact");
        var onTicket = Assert.Single((await rep.GetAsync($"/api/records/ticket/{ticketId}/timeline")).Json.GetProperty("items").EnumerateArray());
        Assert.Contains("help-desk send created ticket", onTicket.GetProperty("loggedBecause").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamReplyOnATicket_LoggedToTheTicket_AndTheThreadFollows()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var emulator = new Emulator(factory);
        var (team, _) = await ConnectAsync(rep, emulator, "team");
        var contact = await rep.ContactAsync(Megan);
        var ticket = await rep.CreateAsync("ticket", new { name = "Login fails" });
        await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-first", new { log = true, associations = new[] { contact } });
        var first = (await emulator.SendAsync(team, new
        {
            to = new[] { Megan },
            subject = "Your login",
            bodyHtml = "<p>Can you try again?</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-first" },
        })).GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await rep.GetAsync($"/api/records/contact/{contact}/timeline")).Json.GetProperty("items").GetArrayLength() == 1, "the first email");
        var answer = (await emulator.DeliverAsync(team, new { from = Megan, subject = "RE: Your login", bodyHtml = "<p>Still failing</p>", inReplyTo = first, references = first }))
            .GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await rep.GetAsync($"/api/records/contact/{contact}/timeline")).Json.GetProperty("items").GetArrayLength() == 2, "the contact's answer");

        await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-agent", new { log = true, associations = new[] { ticket, contact }, composeType = "reply" });
        await emulator.SendAsync(team, new
        {
            to = new[] { Megan },
            subject = "RE: Your login",
            bodyHtml = "<p>Fixed now</p>",
            sender = "agent.b@contoso.example.com",
            inReplyTo = answer,
            references = $"{first} {answer}",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-agent" },
        });

        await Emulator.EventuallyAsync(async () => (await rep.GetAsync($"/api/records/ticket/{ticket}/timeline")).Json.GetProperty("items").GetArrayLength() == 3, "the whole thread on the ticket");
        var kinds = (await rep.GetAsync($"/api/records/ticket/{ticket}/timeline")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("kind").GetString());
        Assert.Equal(["reply", "reply", "email"], kinds);
        var latest = (await rep.GetAsync($"/api/records/ticket/{ticket}/timeline")).Json.GetProperty("items")[0].GetProperty("emailId").GetGuid();
        var email = (await rep.GetAsync($"/api/emails/{latest}")).Json;
        Assert.Equal(team, email.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal("agent.b@contoso.example.com", email.GetProperty("sender").GetProperty("address").GetString());
    }
}
