using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Content;

public class ContentApiTests(CrmApiFactory factory)
{
    private static async Task<Guid> ContentAsync(CrmClient rep, object body)
    {
        var reply = await rep.PostAsync("/api/content", body);
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    private static async Task<CrmClient> TeammateOfAsync(CrmApiFactory factory, CrmClient rep, string name)
    {
        var teammate = await CrmClient.SignInAsync(factory, $"{name}@{rep.Email[(rep.Email.IndexOf('@') + 1)..]}");
        Assert.Equal(rep.AccountId, teammate.AccountId);
        return teammate;
    }

    private static async Task<List<string>> NamesAsync(CrmClient rep, string query = "") =>
        (await rep.GetAsync($"/api/content{query}")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Template_CreateReadChangeDelete_ByItsOwner()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var created = await rep.PostAsync("/api/content", new { kind = "template", name = "Pricing follow-up", subject = "Pricing for {{company.name|you}}", bodyHtml = "<p>Hi {{contact.firstName|there}},</p>" });
        var id = created.Json.GetProperty("id").GetGuid();
        var changed = await rep.PatchAsync($"/api/content/{id}", new { name = "Pricing follow-up (2027)", sharing = "everyone" });
        var read = await rep.GetAsync($"/api/content/{id}");
        var deleted = await rep.DeleteAsync($"/api/content/{id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("private", created.Json.GetProperty("sharing").GetString());
        Assert.True(created.Json.GetProperty("mine").GetBoolean());
        Assert.Equal("Test Rep", created.Json.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Pricing follow-up (2027)", read.Json.GetProperty("name").GetString());
        Assert.Equal("everyone", read.Json.GetProperty("sharing").GetString());
        Assert.Equal("Pricing for {{company.name|you}}", read.Json.GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync($"/api/content/{id}")).Status);
    }

    [Fact]
    public async Task Sharing_PrivateInvisibleToATeammate_TeamToItsMembers_EveryoneToAll_NoneToAnotherAccount()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var member = await TeammateOfAsync(factory, rep, "kim");
        var outsider = await TeammateOfAsync(factory, rep, "lee");
        var team = (await rep.PostAsync("/api/teams", new { name = "EMEA sales", memberIds = new[] { (await member.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid() } }))
            .Json.GetProperty("id").GetGuid();
        await ContentAsync(rep, new { kind = "snippet", name = "Private note", bodyHtml = "<p>mine</p>" });
        await ContentAsync(rep, new { kind = "snippet", name = "Team note", bodyHtml = "<p>ours</p>", sharing = "team", teamId = team });
        var everyone = await ContentAsync(rep, new { kind = "snippet", name = "Everyone note", bodyHtml = "<p>all</p>", sharing = "everyone" });
        var otherAccount = await CrmClient.SignInAsync(factory);

        Assert.Equal(["Everyone note", "Private note", "Team note"], await NamesAsync(rep));
        Assert.Equal(["Everyone note", "Team note"], await NamesAsync(member));
        Assert.Equal(["Everyone note"], await NamesAsync(outsider));
        Assert.Empty(await NamesAsync(otherAccount));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAccount.GetAsync($"/api/content/{everyone}")).Status);
        // A teammate may use a shared item, not change or delete it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PatchAsync($"/api/content/{everyone}", new { name = "Mine now" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync($"/api/content/{everyone}")).Status);
        Assert.Equal(["Everyone note", "Private note", "Team note"], await NamesAsync(rep));
    }

    [Fact]
    public async Task Search_ByKindAndText_PagedWithACursor()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await ContentAsync(rep, new { kind = "template", name = "Alpha", subject = "Renewal", bodyHtml = "<p>renewal terms</p>" });
        await ContentAsync(rep, new { kind = "snippet", name = "Beta", bodyHtml = "<p>Renewal dates</p>" });
        await ContentAsync(rep, new { kind = "kb", name = "Gamma renewal guide", url = "https://kb.contoso.com/renewals" });
        await ContentAsync(rep, new { kind = "snippet", name = "Delta", bodyHtml = "<p>unrelated</p>" });

        Assert.Equal(["Alpha", "Beta", "Gamma renewal guide"], await NamesAsync(rep, "?q=renewal"));
        Assert.Equal(["Beta", "Delta"], await NamesAsync(rep, "?kind=snippet"));
        var first = (await rep.GetAsync("/api/content?q=renewal&limit=2")).Json;
        var next = await rep.GetAsync($"/api/content?q=renewal&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["Gamma renewal guide"], next.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()));
        (await rep.GetAsync($"/api/content?q=other&cursor={first.GetProperty("nextCursor").GetString()}")).AssertProblem(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task Render_TokensFromTheRecords_ValuesEscaped_FallbacksUsed_MissingReported()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.CreateAsync("contact", new
        {
            name = "Megan <script>alert(1)</script> Bowen",
            properties = new { firstName = "<b>Megan</b>" },
            emails = new[] { new { address = "megan@fabrikam.com", primary = true } },
        });
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam & Sons", domain = "fabrikam.com" });
        await rep.AssociateAsync(megan, fabrikam);
        await ContentAsync(rep, new { kind = "meeting", name = "Book 30 minutes", url = "https://book.contoso.com/test-rep" });
        var template = await ContentAsync(rep, new
        {
            kind = "template",
            name = "Intro",
            subject = "{{company.name}} and {{sender.name}}",
            bodyHtml = "<p>Hi {{contact.firstName}}, about {{deal.name|your project}} ({{deal.amount}}). <a href=\"{{sender.meetingLink}}\">Book</a></p>",
        });

        var rendered = (await rep.PostAsync($"/api/content/{template}/render", new { recordIds = new[] { megan } })).Json;

        Assert.Equal("Fabrikam & Sons and Test Rep", rendered.GetProperty("subject").GetString());
        var html = rendered.GetProperty("html").GetString()!;
        Assert.Contains("Hi &lt;b&gt;Megan&lt;/b&gt;, about your project ().", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://book.contoso.com/test-rep\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal(["deal.amount"], rendered.GetProperty("missing").EnumerateArray().Select(path => path.GetString()));
        Assert.Equal("template", rendered.GetProperty("inserted").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Quote_OnADeal_TotalComputed_PublicPageShowsItEscaped()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        var created = await rep.PostAsync("/api/content", new
        {
            kind = "quote",
            name = "200 seats <2027>",
            dealId = deal,
            quote = new
            {
                currency = "eur",
                lineItems = new object[] { new { name = "Seat licence", quantity = 200, unitPrice = 12.5m }, new { name = "Onboarding", quantity = 1, unitPrice = 1500 } },
                expiresAt = DateTimeOffset.UtcNow.AddDays(30),
            },
        });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var quote = created.Json.GetProperty("quote");
        Assert.Equal(4000m, quote.GetProperty("total").GetDecimal());
        Assert.Equal("EUR", quote.GetProperty("currency").GetString());
        var url = created.Json.GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost/quotes/[A-Za-z0-9_-]{32}$", url);
        var rendered = (await rep.PostAsync($"/api/content/{created.Json.GetProperty("id").GetGuid()}/render", new { recordIds = Array.Empty<Guid>() })).Json;
        Assert.Equal($"<a href=\"{url}\">Quote: 200 seats &lt;2027&gt; (4,000 EUR)</a>", rendered.GetProperty("html").GetString());
        var page = await factory.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
        var text = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Quote: 200 seats &lt;2027&gt;", text, StringComparison.Ordinal);
        Assert.Contains("4,000.00 EUR", text, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/quotes/not-a-token", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"template","name":"T","bodyHtml":"<p>Hi {{contact.frstName}}</p>"}""", "bodyHtml")]
    [InlineData("""{"kind":"template","name":"T","subject":"Hi {{contact.firstName","bodyHtml":"<p>x</p>"}""", "subject")]
    [InlineData("""{"kind":"snippet","name":"S","bodyHtml":"<p>Hi contact.firstName}}</p>"}""", "bodyHtml")]
    [InlineData("""{"kind":"letter","name":"L"}""", "kind")]
    [InlineData("""{"kind":"snippet","name":"","bodyHtml":"<p>x</p>"}""", "name")]
    [InlineData("""{"kind":"snippet","name":"S","subject":"No","bodyHtml":"<p>x</p>"}""", "subject")]
    [InlineData("""{"kind":"kb","name":"K","url":"javascript:alert(1)"}""", "url")]
    [InlineData("""{"kind":"meeting","name":"M"}""", "url")]
    [InlineData("""{"kind":"snippet","name":"S","bodyHtml":"<p>x</p>","sharing":"team"}""", "teamId")]
    [InlineData("""{"kind":"quote","name":"Q","quote":{"currency":"euro","lineItems":[],"expiresAt":"2020-01-01T00:00:00Z"}}""", "quote.currency")]
    [InlineData("""{"kind":"quote","name":"Q","quote":{"currency":"EUR","lineItems":[{"name":"","quantity":0,"unitPrice":-1}],"expiresAt":"2099-01-01T00:00:00Z"}}""", "quote.lineItems[0].quantity")]
    public async Task BadInput_IsAProblemNamingTheField_AndNothingIsStored(string body, string field)
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.SendAsync(HttpMethod.Post, "/api/content", body);

        reply.AssertProblem(HttpStatusCode.BadRequest, field);
        Assert.Empty(await NamesAsync(rep));
    }

    [Fact]
    public async Task ScriptAndEventHandlers_AreSanitisedAway_BeforeTheBodyIsStored()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var created = await rep.PostAsync("/api/content", new { kind = "snippet", name = "Sneaky", bodyHtml = "<p onclick=\"steal()\">Hi {{contact.firstName|there}}<script>steal()</script><img src=x onerror=steal()></p>" });

        var body = created.Json.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hi {{contact.firstName|there}}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_UnknownDealTeamOrRecord_AreNotFound_NamingThem()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        var snippet = await ContentAsync(rep, new { kind = "snippet", name = "S", bodyHtml = "<p>x</p>" });

        (await rep.PostAsync("/api/content", new { kind = "quote", name = "Q", dealId = contact, quote = new { currency = "EUR", lineItems = new[] { new { name = "A", quantity = 1, unitPrice = 1 } }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) } }))
            .AssertProblem(HttpStatusCode.NotFound, "dealId");
        (await rep.PostAsync("/api/content", new { kind = "snippet", name = "S2", bodyHtml = "<p>x</p>", sharing = "team", teamId = Guid.CreateVersion7() }))
            .AssertProblem(HttpStatusCode.NotFound, "teamId");
        (await rep.PostAsync($"/api/content/{snippet}/render", new { recordIds = new[] { contact, Guid.CreateVersion7() } }))
            .AssertProblem(HttpStatusCode.NotFound, "recordIds[1]");
        Assert.Equal(["S"], await NamesAsync(rep));
    }
}
