using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>
/// Issue 19, Logging page: what a never-log entry's purge would remove, before confirming: the same rules as adding it
/// (who may, which emails), a few subjects and dates and never a body, nothing written, one account's emails only.
/// </summary>
public class NeverLogPreviewTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Preview_CountsAndSamplesWhatThePurgeThenRemoves_AndWritesNothing()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var domain = $"newsletter-{Guid.NewGuid():N}.example.com";
        var sender = new Mailbox($"news@{domain}", "News");
        var me = new Mailbox(admin.Email, "Admin");
        var lee = await admin.ContactAsync($"lee@{domain}", "Lee Gu");
        var start = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await factory.LogAsync(admin.AccountId, [lee], start.AddDays(i), subject: $"Issue {i}", body: "<p>SECRET-BODY</p>", from: sender, to: [me], cc: []);
        }
        await factory.LogAsync(admin.AccountId, [lee], start, subject: "Unrelated", from: me, to: [new Mailbox("someone@elsewhere.example.com", "Someone")], cc: []);
        var path = $"/api/never-log/preview?value={domain}&scope=account";

        var preview = await admin.GetAsync(path);

        Assert.True(preview.Status == HttpStatusCode.OK, preview.Text);
        Assert.Equal(7, preview.Json.GetProperty("wouldPurge").GetInt32());
        Assert.Equal(["Issue 6", "Issue 5", "Issue 4", "Issue 3", "Issue 2"], preview.Json.GetProperty("sample").EnumerateArray().Select(email => email.GetProperty("subject").GetString()));
        Assert.Equal((domain, "domain", "account"), (preview.Json.GetProperty("entry").GetProperty("value").GetString(),
            preview.Json.GetProperty("entry").GetProperty("kind").GetString(), preview.Json.GetProperty("entry").GetProperty("scope").GetString()));
        Assert.Equal(30, preview.Json.GetProperty("restorableForDays").GetInt32());
        Assert.DoesNotContain("SECRET-BODY", preview.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(domain, (await admin.GetAsync("/api/never-log")).Text, StringComparison.Ordinal);
        Assert.Equal(8, (await admin.GetAsync($"/api/records/contact/{lee}/timeline?limit=100")).Json.GetProperty("items").GetArrayLength());

        var added = await admin.PostAsync("/api/never-log", new { value = domain, scope = "account", confirmPurge = true });

        Assert.Equal(7, added.Json.GetProperty("purged").GetInt32());
        Assert.Equal(0, (await admin.GetAsync(path)).Json.GetProperty("wouldPurge").GetInt32());
    }

    [Fact]
    public async Task Preview_FollowsTheRulesOfAddingTheEntry_AndSeesOneAccountOnly()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"seller@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var stranger = await CrmClient.SignInAsync(factory);
        var domain = $"promo-{Guid.NewGuid():N}.example.com";
        var lee = await admin.ContactAsync($"lee@{domain}", "Lee Gu");
        await factory.LogAsync(admin.AccountId, [lee], DateTimeOffset.UtcNow, subject: "Promo", from: new Mailbox($"promo@{domain}", "Promo"), to: [new Mailbox(admin.Email, "Admin")], cc: []);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/api/never-log/preview?value={domain}&scope=account")).Status);
        // A personal entry takes only what the rep alone saw in their own mailbox: the admin's logged email is not that.
        var personal = await rep.GetAsync($"/api/never-log/preview?value={domain}&scope=personal");
        Assert.True(personal.Status == HttpStatusCode.OK, personal.Text);
        Assert.Equal(0, personal.Json.GetProperty("wouldPurge").GetInt32());
        var theirs = await stranger.GetAsync($"/api/never-log/preview?value={domain}&scope=account");
        Assert.Equal(0, theirs.Json.GetProperty("wouldPurge").GetInt32());
        Assert.Empty(theirs.Json.GetProperty("sample").EnumerateArray());
        (await admin.GetAsync("/api/never-log/preview?value=not%20a%20domain&scope=account")).AssertProblem(HttpStatusCode.BadRequest, "value");
        (await admin.GetAsync($"/api/never-log/preview?value={domain}&scope=everyone")).AssertProblem(HttpStatusCode.BadRequest, "scope");
        (await admin.GetAsync($"/api/never-log/preview?value={admin.Email.Split('@')[1]}&scope=account")).AssertProblem(HttpStatusCode.BadRequest, "value");
    }
}
