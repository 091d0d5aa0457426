using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Content;

/// <summary>
/// A customer's link to a quote: no other site frames the page, an expired quote is gone (410) without its prices, its
/// owner or an admin replaces the link (the old one is 404 at once), and one address cannot hammer the public routes.
/// </summary>
public class PublicLinkTests(CrmApiFactory factory)
{
    /// <summary>The server's clock moved on by <see cref="Offset"/>; timers keep real time, so the app runs as usual.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private sealed class ClockFactory : CrmApiFactory
    {
        public ShiftedClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private sealed class TightLimitFactory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("RateLimit:PerAddressBurst", "3"), ("RateLimit:PerAddressPerMinute", "1")];
    }

    private static async Task<Reply> QuoteAsync(CrmClient rep, string sharing = "private", int days = 30)
    {
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        var created = await rep.PostAsync("/api/content", new
        {
            kind = "quote",
            name = "200 seats",
            dealId = deal,
            sharing,
            quote = new { currency = "EUR", lineItems = new[] { new { name = "Seat licence", quantity = 200, unitPrice = 12.5m } }, expiresAt = DateTimeOffset.UtcNow.AddDays(days) },
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return created;
    }

    private static async Task<HttpResponseMessage> OpenAsync(CrmApiFactory factory, string url) =>
        await factory.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);

    [Fact]
    public async Task QuotePage_NoSiteMayFrameIt_NothingRunsOrLoads_NoReferrer()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var url = (await QuoteAsync(rep)).Json.GetProperty("url").GetString()!;

        var page = await OpenAsync(factory, url);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Matches("style-src 'sha256-[A-Za-z0-9+/]{43}='", policy);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task QuotePage_OnceExpired_Is410Gone_WithoutThePrices()
    {
        await using var clocked = new ClockFactory();
        await clocked.InitializeAsync();
        var rep = await CrmClient.SignInAsync(clocked);
        var url = (await QuoteAsync(rep, days: 30)).Json.GetProperty("url").GetString()!;
        var beforeExpiry = await OpenAsync(clocked, url);

        clocked.Clock.Offset = TimeSpan.FromDays(31);
        var afterExpiry = await OpenAsync(clocked, url);

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Contains("2,500.00 EUR", await beforeExpiry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, afterExpiry.StatusCode);
        var text = await afterExpiry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("This quote has expired", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Seat licence", text, StringComparison.Ordinal);
        Assert.Equal("DENY", afterExpiry.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task RotateLink_ByTheOwner_TheNewLinkOpens_TheOldOneIs404()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var created = await QuoteAsync(rep);
        var id = created.Json.GetProperty("id").GetGuid();
        var oldUrl = created.Json.GetProperty("url").GetString()!;

        var rotated = await rep.PostAsync($"/api/content/{id}/rotate-link", new { });

        Assert.True(rotated.Status == HttpStatusCode.OK, rotated.Text);
        var newUrl = rotated.Json.GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost/quotes/[A-Za-z0-9_-]{32}$", newUrl);
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(newUrl, (await rep.GetAsync($"/api/content/{id}")).Json.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(factory, oldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(factory, newUrl)).StatusCode);
    }

    [Fact]
    public async Task RotateLink_ARepOnSomeoneElsesItem_403_AnAdmin_Served_AnotherAccount_404_NoLinkKind_400()
    {
        var owner = await CrmClient.SignInAsync(factory, roles: ["Crm.User"]);
        var domain = owner.Email.Split('@')[1];
        var teammate = await CrmClient.SignInAsync(factory, $"teammate@{domain}", roles: ["Crm.User"]);
        var admin = await CrmClient.SignInAsync(factory, $"admin@{domain}", roles: ["Crm.User", "Crm.Admin"]);
        var stranger = await CrmClient.SignInAsync(factory);
        var shared = await QuoteAsync(owner, sharing: "everyone");
        var id = shared.Json.GetProperty("id").GetGuid();
        var privateId = (await QuoteAsync(owner)).Json.GetProperty("id").GetGuid();
        var template = (await owner.PostAsync("/api/content", new { kind = "template", name = "T", bodyHtml = "<p>x</p>", sharing = "everyone" })).Json.GetProperty("id").GetGuid();

        var byTeammate = await teammate.PostAsync($"/api/content/{id}/rotate-link", new { });
        var byStranger = await stranger.PostAsync($"/api/content/{id}/rotate-link", new { });
        var urlAfterRefusals = (await owner.GetAsync($"/api/content/{id}")).Json.GetProperty("url").GetString();
        var byAdmin = await admin.PostAsync($"/api/content/{id}/rotate-link", new { });
        var privateByAdmin = await admin.PostAsync($"/api/content/{privateId}/rotate-link", new { });
        var noLink = await owner.PostAsync($"/api/content/{template}/rotate-link", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byTeammate.Status);
        Assert.Equal("application/problem+json", byTeammate.MediaType);
        byStranger.AssertProblem(HttpStatusCode.NotFound, "id");
        Assert.Equal(shared.Json.GetProperty("url").GetString(), urlAfterRefusals);
        Assert.True(byAdmin.Status == HttpStatusCode.OK, byAdmin.Text);
        Assert.NotEqual(urlAfterRefusals, byAdmin.Json.GetProperty("url").GetString());
        privateByAdmin.AssertProblem(HttpStatusCode.NotFound, "id");
        noLink.AssertProblem(HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task PublicRoutes_OneAddressPastItsLimit_Gets429WithRetryAfter()
    {
        await using var tight = new TightLimitFactory();
        await tight.InitializeAsync();
        var rep = await CrmClient.SignInAsync(tight);
        var url = (await QuoteAsync(rep)).Json.GetProperty("url").GetString()!;

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await OpenAsync(tight, i % 2 == 0 ? url : url.Replace("/quotes/", "/files/", StringComparison.Ordinal)));
        }
        var api = await rep.GetAsync("/api/me");

        Assert.Equal(3, answers.Count(answer => answer.StatusCode != HttpStatusCode.TooManyRequests));
        var refused = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, answer =>
        {
            Assert.True(answer.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "no Retry-After");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.OK, api.Status);
    }
}
