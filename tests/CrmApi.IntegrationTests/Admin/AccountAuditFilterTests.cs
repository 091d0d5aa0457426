using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>Issue 19, Logging page: the account audit browsed by action, actor and period, each bad filter named.</summary>
public class AccountAuditFilterTests(CrmApiFactory factory)
{
    private static async Task<List<JsonElement>> AllAsync(CrmClient admin, string filters)
    {
        var lines = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync($"/api/audit?limit=1{filters}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Status == HttpStatusCode.OK, page.Text);
            lines.AddRange(page.Json.GetProperty("items").EnumerateArray());
            cursor = page.Json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return lines;
    }

    [Fact]
    public async Task Audit_FilteredByActionUserAndPeriod_Paged()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"seller@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var repId = (await rep.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();
        await admin.SetPrivacyAsync(true);
        await admin.SetPrivacyAsync(false);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsync("/api/never-log", new { value = "news@spam-filter.example.net", scope = "personal" })).Status);
        var all = await AllAsync(admin, "");
        var newest = all[0].GetProperty("occurredAt").GetDateTimeOffset();

        var changes = await AllAsync(admin, "&action=settings.changed");
        var byRep = await AllAsync(admin, $"&user={repId}");
        var before = await AllAsync(admin, $"&to={Uri.EscapeDataString(newest.ToString("O"))}");
        var after = await AllAsync(admin, $"&from={Uri.EscapeDataString(newest.AddSeconds(1).ToString("O"))}");
        var repChanges = await AllAsync(admin, $"&user={repId}&action=settings.changed");

        Assert.Equal(2, changes.Count);
        Assert.All(changes, line => Assert.Equal(admin.Email, line.GetProperty("actor").GetString()));
        Assert.Equal(["neverLog.added"], byRep.Select(line => line.GetProperty("action").GetString()));
        Assert.Equal(all.Count - 1, before.Count);
        Assert.Empty(after);
        Assert.Empty(repChanges);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/audit?action=settings.changed")).Status);
        Assert.Empty(await AllAsync(await CrmClient.SignInAsync(factory), "&action=settings.changed"));
    }

    [Theory]
    [InlineData("action=settings.deleted", "action")]
    [InlineData("user=alex", "user")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("to=soon", "to")]
    public async Task Audit_BadFilter_IsAProblemNamingTheField(string query, string field)
    {
        var admin = await CrmClient.SignInAsync(factory);

        (await admin.GetAsync($"/api/audit?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);
    }
}
