using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Cards;

public class CardsApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Card_Contact_ShowsTitleCompanyOwnerDealsOpenTicketsAndLastEmail()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.CreateAsync("contact", new
        {
            name = "Megan Bowen",
            properties = new { jobTitle = "Head of Procurement" },
            emails = new[] { new { address = "megan@outlook.example.com", primary = false }, new { address = "Megan@fabrikam.com", primary = true } },
        });
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        var won = await rep.CreateAsync("deal", new { name = "Renewal 2025", stage = "closedWon" });
        var open = await rep.CreateAsync("deal", new { name = "Renewal 2026", stage = "contractSent" });
        var openTicket = await rep.CreateAsync("ticket", new { name = "Invoice missing" });
        var closedTicket = await rep.CreateAsync("ticket", new { name = "Old question", status = "closed" });
        foreach (var related in new[] { fabrikam, won, open, openTicket, closedTicket })
        {
            await rep.AssociateAsync(megan, related);
        }
        var now = DateTimeOffset.UtcNow;
        await factory.LogAsync(rep.AccountId, [megan], now.AddDays(-3), subject: "Older");
        var newest = await factory.LogAsync(rep.AccountId, [megan], now.AddDays(-1), subject: "Pricing for 2026");

        var reply = await rep.GetAsync($"/api/cards?id={megan}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var card = Assert.Single(reply.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("Megan Bowen", card.GetProperty("name").GetString());
        Assert.Equal("Head of Procurement", card.GetProperty("title").GetString());
        Assert.Equal("Megan@fabrikam.com", card.GetProperty("email").GetString());
        Assert.Equal("Test Rep", card.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(fabrikam, Assert.Single(card.GetProperty("companies").EnumerateArray()).GetProperty("id").GetGuid());
        var deals = card.GetProperty("deals").EnumerateArray().ToList();
        Assert.Equal([open, won], deals.Select(deal => deal.GetProperty("id").GetGuid()));
        Assert.Equal([true, false], deals.Select(deal => deal.GetProperty("open").GetBoolean()));
        Assert.Equal(openTicket, Assert.Single(card.GetProperty("openTickets").EnumerateArray()).GetProperty("id").GetGuid());
        var last = card.GetProperty("lastActivity");
        Assert.Equal(newest, last.GetProperty("emailId").GetGuid());
        Assert.Equal("Email - Pricing for 2026", last.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Card_Deal_NamesItsContactsWithTheirPrimaryAddress_ForFillingTo()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var deal = await rep.CreateAsync("deal", new { name = "Renewal 2026" });
        var megan = await rep.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var noAddress = await rep.CreateAsync("contact", new { name = "Alan Steiner" });
        await rep.AssociateAsync(deal, megan);
        await rep.AssociateAsync(deal, noAddress);

        var card = Assert.Single((await rep.GetAsync($"/api/cards?id={deal}")).Json.GetProperty("items").EnumerateArray());

        Assert.Equal(JsonValueKind.Null, card.GetProperty("email").ValueKind);
        var contacts = card.GetProperty("contacts").EnumerateArray().ToDictionary(contact => contact.GetProperty("id").GetGuid(), contact => contact.GetProperty("email").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [megan] = "megan@fabrikam.com", [noAddress] = null }, contacts);
    }

    [Fact]
    public async Task Cards_ManyIds_ComeBackInTheAskedOrder_UnknownIdsLeftOut()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var lee = await rep.CreateAsync("contact", new { name = "Lee Gu" });
        var isaiah = await rep.CreateAsync("contact", new { name = "Isaiah Langer" });

        var reply = await rep.GetAsync($"/api/cards?id={isaiah}&id={Guid.NewGuid()}&id={lee}&id={isaiah}");

        var cards = reply.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([isaiah, lee], cards.Select(card => card.GetProperty("id").GetGuid()));
        Assert.All(cards, card =>
        {
            Assert.Equal(JsonValueKind.Null, card.GetProperty("lastActivity").ValueKind);
            Assert.Equal(JsonValueKind.Null, card.GetProperty("title").ValueKind);
            Assert.Empty(card.GetProperty("deals").EnumerateArray());
        });
    }

    [Fact]
    public async Task Cards_AnotherAccountsRecord_IsNotShown()
    {
        var owner = await CrmClient.SignInAsync(factory);
        var secret = await owner.CreateAsync("contact", new { name = "Secret Megan" });
        var intruder = await CrmClient.SignInAsync(factory);

        var reply = await intruder.GetAsync($"/api/cards?id={secret}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Json.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("", "id")]
    [InlineData("?id=not-a-guid", "id[0]")]
    public async Task Cards_BadIds_AreAProblemNamingTheField(string query, string field)
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.GetAsync($"/api/cards{query}");

        reply.AssertProblem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Cards_TooManyIds_IsAProblem()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var query = string.Join("&", Enumerable.Range(0, 51).Select(_ => $"id={Guid.NewGuid()}"));

        var reply = await rep.GetAsync($"/api/cards?{query}");

        reply.AssertProblem(HttpStatusCode.BadRequest, "id");
    }
}
