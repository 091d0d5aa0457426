using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Privacy.Retention;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>Data retention: bodies of logged emails older than the account's retention are purged, the rest kept.</summary>
public class RetentionTests(CrmApiFactory factory)
{
    private Task<int> PurgeAsync() => factory.Services.GetRequiredService<RetentionPurge>().RunAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Bodies_older_than_the_accounts_retention_are_purged_and_the_emails_stay_on_the_timeline()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var other = await CrmClient.SignInAsync(factory);
        var deal = await rep.CreateAsync("deal", new { name = "Retention deal" });
        var othersDeal = await other.CreateAsync("deal", new { name = "No retention" });
        var now = DateTimeOffset.UtcNow;
        var old = await factory.LogAsync(rep.AccountId, [deal], now.AddDays(-40), subject: "Old quote", body: "<p>Old confidential body</p>");
        var recent = await factory.LogAsync(rep.AccountId, [deal], now.AddDays(-10), subject: "Recent quote", body: "<p>Recent body</p>");
        var othersOld = await factory.LogAsync(other.AccountId, [othersDeal], now.AddDays(-400), body: "<p>Kept for good</p>");

        var saved = await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = false, bodyRetentionDays = 30 });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(30, saved.Json.GetProperty("bodyRetentionDays").GetInt32());
        Assert.Equal(30, (await rep.GetAsync("/api/settings/privacy")).Json.GetProperty("bodyRetentionDays").GetInt32());

        Assert.True(await PurgeAsync() >= 1);

        var purged = (await rep.GetAsync($"/api/emails/{old}")).Json;
        Assert.Equal("", purged.GetProperty("bodyHtml").GetString());
        Assert.Equal("", purged.GetProperty("preview").GetString());
        Assert.Equal("Old quote", purged.GetProperty("subject").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, purged.GetProperty("bodyPurgedAt").ValueKind);
        var kept = (await rep.GetAsync($"/api/emails/{recent}")).Json;
        Assert.Contains("Recent body", kept.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, kept.GetProperty("bodyPurgedAt").ValueKind);
        Assert.Contains("Kept for good", (await other.GetAsync($"/api/emails/{othersOld}")).Json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        var timeline = (await rep.GetAsync($"/api/records/deal/{deal}/timeline")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("emailId").GetGuid());
        Assert.Equal([recent, old], timeline);

        // Idempotent: a second run (or a second instance) finds nothing more of this account's to purge.
        await PurgeAsync();
        Assert.Equal(purged.GetProperty("bodyPurgedAt").GetDateTimeOffset(), (await rep.GetAsync($"/api/emails/{old}")).Json.GetProperty("bodyPurgedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Retention_left_out_is_kept_and_zero_keeps_bodies_for_good()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = true, bodyRetentionDays = 90 });

        var unchanged = await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = true });
        var off = await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = true, bodyRetentionDays = 0 });

        Assert.Equal(90, unchanged.Json.GetProperty("bodyRetentionDays").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, off.Json.GetProperty("bodyRetentionDays").ValueKind);
        var old = await factory.LogAsync(rep.AccountId, [await rep.CreateAsync("deal", new { name = "Kept" })], DateTimeOffset.UtcNow.AddDays(-1000), body: "<p>Still here</p>");
        await PurgeAsync();
        Assert.Contains("Still here", (await rep.GetAsync($"/api/emails/{old}")).Json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_651)]
    public async Task A_retention_out_of_range_is_refused_naming_the_field_and_nothing_changes(int days)
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = false, bodyRetentionDays = 30 });

        var reply = await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = true, bodyRetentionDays = days });

        reply.AssertProblem(HttpStatusCode.BadRequest, "bodyRetentionDays");
        var settings = (await rep.GetAsync("/api/settings/privacy")).Json;
        Assert.Equal(30, settings.GetProperty("bodyRetentionDays").GetInt32());
        Assert.False(settings.GetProperty("enabled").GetBoolean());
    }
}
