using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.IntegrationTests.Tenancy;

/// <summary>
/// Issue 17: every /api route, read from the app's endpoint list, refuses a B2B guest of an onboarded tenant (until an
/// admin allows guests) and a token another client app obtained (azp not the add-in's); each refusal of a role is in
/// the account audit.
/// </summary>
public class TrustSweepTests(CrmApiFactory factory)
{
    private static string Concrete(string pattern) =>
        pattern.Replace("{type}", "contact", StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{trackingId}", "t-trust", StringComparison.Ordinal);

    /// <summary>A token of the member's tenant with both roles, but with the given claims changed.</summary>
    private CrmClient Token(CrmClient member, string email, Dictionary<string, string> claims)
    {
        var issuer = factory.Services.GetRequiredService<DevTokenIssuer>();
        var token = issuer.Issue(member.TenantId, Guid.NewGuid().ToString(), email, "Someone", roles: CrmClient.AdminRoles, claims: claims);
        return CrmClient.WithToken(factory, token);
    }

    [Fact]
    public async Task EveryRoute_RefusesAGuest_AndATokenOfAnotherApp()
    {
        var member = await CrmClient.SignInAsync(factory);
        var guest = Token(member, "buyer@customer.example.net", new() { ["acct"] = "1" });
        var foreignApp = Token(member, "rep2@" + member.Email.Split('@')[1], new() { ["azp"] = "11111111-2222-3333-4444-555555555555" });
        var noApp = Token(member, "rep3@" + member.Email.Split('@')[1], new() { ["azp"] = "" });
        var noAcct = Token(member, "rep4@" + member.Email.Split('@')[1], new() { ["acct"] = "" });

        foreach (var (method, pattern) in factory.ApiRoutes())
        {
            var path = Concrete(pattern);
            var body = method is "GET" or "DELETE" ? null : new { };
            foreach (var (who, client) in new[] { ("guest", guest), ("foreign azp", foreignApp), ("no azp", noApp), ("no acct", noAcct) })
            {
                var reply = await client.SendAsync(new HttpMethod(method), path, body);
                Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{method} {pattern} as {who}: {reply.Status} {reply.Text}");
            }
        }
    }

    [Fact]
    public async Task ATokenWithoutAcct_IsRefused_NamingTheClaim_AndAMemberIsServed()
    {
        var member = await CrmClient.SignInAsync(factory);

        var reply = await Token(member, "rep5@" + member.Email.Split('@')[1], new() { ["acct"] = "" }).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Contains("acct", reply.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Token(member, "rep6@" + member.Email.Split('@')[1], new()).GetAsync("/api/me")).Status);
    }

    [Fact]
    public async Task AGuest_IsServed_OnceAnAdminAllowsGuests_AndTheChangeIsAudited()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var guest = Token(admin, "partner@partner.example.net", new() { ["acct"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("/api/me")).Status);

        var allowed = await admin.SendAsync(HttpMethod.Put, "/api/settings/access", new { allowGuests = true });
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        // A new guest (the refused one's identity is cached for minutes, as every identity is).
        var another = Token(admin, "partner2@partner.example.net", new() { ["acct"] = "1" });

        Assert.Equal(HttpStatusCode.OK, (await another.GetAsync("/api/me")).Status);
        var line = (await admin.GetAsync("/api/audit")).Json.GetProperty("items").EnumerateArray()
            .First(item => item.GetProperty("action").GetString() == "settings.changed" && item.GetProperty("target").GetString() == "access");
        Assert.False(line.GetProperty("before").GetProperty("allowGuests").GetBoolean());
        Assert.True(line.GetProperty("after").GetProperty("allowGuests").GetBoolean());
        Assert.Equal(admin.Email, line.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task ARepOnAnAdminRoute_IsRefused_AndTheRefusalIsInTheAccountAudit_Once()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, "seller@" + admin.Email.Split('@')[1], roles: ["Crm.User"]);
        var privacyBefore = (await admin.GetAsync("/api/settings/privacy")).Text;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = false })).Status);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/never-log", new { value = "newsletters.example.net", scope = "account" })).Status);

        var lines = (await admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("action").GetString() == "role.refused").ToList();
        Assert.Single(lines, line => line.GetProperty("target").GetString() == "PUT /api/settings/privacy");
        Assert.Single(lines, line => line.GetProperty("target").GetString() == "POST /api/never-log/");
        Assert.All(lines, line => Assert.Equal(rep.Email, line.GetProperty("actor").GetString()));
        // And the privacy setting did not change.
        Assert.Equal(privacyBefore, (await admin.GetAsync("/api/settings/privacy")).Text);
    }

    [Fact]
    public async Task TheAudit_IsAdminOnly_AndPagesWithACursor()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, "seller@" + admin.Email.Split('@')[1], roles: ["Crm.User"]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/settings/logging", new { createContacts = i % 2 == 0 ? "sent" : "off" })).Status);
        }

        var first = await admin.GetAsync("/api/audit?limit=2");
        var second = await admin.GetAsync($"/api/audit?limit=2&cursor={first.Json.GetProperty("nextCursor").GetString()}");

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/audit")).Status);
        var ids = first.Json.GetProperty("items").EnumerateArray().Concat(second.Json.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
        (await admin.GetAsync("/api/audit?cursor=not-a-cursor")).AssertProblem(HttpStatusCode.BadRequest, "cursor");
    }
}
