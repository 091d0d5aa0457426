using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Compose;

/// <summary>What the compose pane is told: matches with the rep's pick, suggestions, the From mailbox, record search.</summary>
public class ComposeContextTests(CrmApiFactory factory)
{
    private const string Shared = "purchasing@northwind.example.com";

    private static async Task<JsonElement> ContextAsync(CrmClient rep, object body)
    {
        var reply = await rep.PostAsync("/api/compose/context", body);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }

    [Fact]
    public async Task AmbiguousAddress_EveryMatchShown_ThePickRememberedAndSuggested()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var lee = await rep.ContactAsync(Shared, "Lee Gu");
        var isaiah = await rep.ContactAsync(Shared, "Isaiah Langer");

        var before = await ContextAsync(rep, new { to = new[] { Shared } });
        var picked = await rep.SendAsync(HttpMethod.Put, "/api/address-choices", new { address = "Purchasing@Northwind.example.com", contactId = isaiah });
        var after = await ContextAsync(rep, new { to = new[] { Shared } });
        var lookup = await rep.GetAsync($"/api/lookup?email={Shared}");

        var recipient = before.GetProperty("recipients")[0];
        Assert.Equal(2, recipient.GetProperty("contacts").GetArrayLength());
        Assert.False(recipient.TryGetProperty("chosenContactId", out _));
        Assert.DoesNotContain(before.GetProperty("suggestedAssociations").EnumerateArray(), s => s.GetProperty("type").GetString() == "contact");
        Assert.Equal(HttpStatusCode.OK, picked.Status);
        Assert.Equal(isaiah, after.GetProperty("recipients")[0].GetProperty("chosenContactId").GetGuid());
        Assert.Equal(2, after.GetProperty("recipients")[0].GetProperty("contacts").GetArrayLength());
        var suggested = Assert.Single(after.GetProperty("suggestedAssociations").EnumerateArray());
        Assert.Equal(isaiah, suggested.GetProperty("id").GetGuid());
        Assert.Equal(isaiah, lookup.Json.GetProperty("results")[0].GetProperty("chosenContactId").GetGuid());
        Assert.NotEqual(lee, isaiah);
    }

    [Fact]
    public async Task Suggestions_StartedFromRecordContactCompanyOpenDealsAndTickets_NotClosedDeals()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var company = await rep.CreateAsync("company", new { name = "Fabrikam" });
        var open = await rep.CreateAsync("deal", new { name = "Open deal", stage = "contractSent" });
        var closed = await rep.CreateAsync("deal", new { name = "Closed deal", stage = "closedWon" });
        var ticket = await rep.CreateAsync("ticket", new { name = "Open ticket" });
        foreach (var record in new[] { company, open, closed, ticket })
        {
            await rep.AssociateAsync(megan, record);
        }
        await rep.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        var project = await rep.CreateAsync("project", new { name = "Rollout" });

        var context = await ContextAsync(rep, new { to = new[] { "Megan@Fabrikam.com" }, startedFrom = new { type = "project", id = project } });

        var suggested = context.GetProperty("suggestedAssociations").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetGuid(), s.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
            [(project, "started from this record"), (megan, "recipient"), (company, "company of Megan Bowen"), (open, "open deal of Megan Bowen"), (ticket, "open ticket of Megan Bowen")],
            suggested.OrderBy(s => s.Item2 == "started from this record" ? 0 : s.Item2 == "recipient" ? 1 : 2).ThenBy(s => s.Item2, StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(suggested, s => s.Item1 == closed);
    }

    [Fact]
    public async Task From_KindOfTheConnectedMailbox_OrNotConnected()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var address = await new Emulator(factory).MailboxAsync();
        await rep.PostAsync("/api/mailboxes", new { address, kind = "helpdesk" });

        var helpdesk = await ContextAsync(rep, new { from = address.ToUpperInvariant(), to = new[] { "megan@fabrikam.com" } });
        var other = await ContextAsync(rep, new { from = "someone@elsewhere.example.com", to = new[] { "megan@fabrikam.com" } });

        Assert.Equal("helpdesk", helpdesk.GetProperty("from").GetProperty("kind").GetString());
        Assert.Equal("notConnected", other.GetProperty("from").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Search_EveryRecordType_AndBadInput()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.ContactAsync("zeta.jones@zetacorp.example.com", "Zeta Jones");
        await rep.CreateAsync("company", new { name = "Zeta Corp", domain = "zetacorp.example.com" });
        await rep.CreateAsync("deal", new { name = "Zeta renewal" });
        await rep.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        await rep.CreateAsync("project", new { name = "Zeta rollout" });

        var found = await rep.GetAsync("/api/search?q=zeta");

        Assert.Equal(["company", "contact", "deal", "project"], found.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("type").GetString()!).Order());
        (await rep.GetAsync("/api/search?q=")).AssertProblem(HttpStatusCode.BadRequest, "q");
        (await rep.GetAsync("/api/search?q=zeta&limit=0")).AssertProblem(HttpStatusCode.BadRequest, "limit");
        var other = await rep.ContactAsync("someone@else.example.com", "Someone");
        (await rep.SendAsync(HttpMethod.Put, "/api/address-choices", new { address = "zeta.jones@zetacorp.example.com", contactId = other })).AssertProblem(HttpStatusCode.NotFound, "contactId");
        (await rep.SendAsync(HttpMethod.Put, "/api/address-choices", new { address = "nope", contactId = other })).AssertProblem(HttpStatusCode.BadRequest, "address");
    }
}
