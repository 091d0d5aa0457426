using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>
/// Issue 17's never-log attack, defused: a rep's personal entry purges only mail seen in their own mailbox alone, the
/// purge is restorable for 30 days and then ends for good, and the account audit says who, what and how many.
/// </summary>
public class NeverLogPurgeTests(CrmApiFactory factory)
{
    private sealed record Office(CrmClient Admin, ConnectedRep Rep, ConnectedRep Colleague, Guid Lee);

    /// <summary>An admin, and two reps of one account, each with their own mailbox connected by themselves; one email from each to Lee.</summary>
    private async Task<Office> OfficeAsync()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var domain = admin.Email.Split('@')[1];
        var rep = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory, $"seller@{domain}", roles: ["Crm.User"]));
        var colleague = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory, $"colleague@{domain}", roles: ["Crm.User"]));
        var lee = await admin.ContactAsync("lee@northwind-purge.example.com", "Lee Gu");
        await rep.IntentAsync("t-rep", [lee]);
        await rep.SendAsync("t-rep", "From the rep", to: "lee@northwind-purge.example.com");
        await colleague.IntentAsync("t-colleague", [lee]);
        await colleague.SendAsync("t-colleague", "From the colleague", to: "lee@northwind-purge.example.com");
        await Emulator.EventuallyAsync(async () => (await Subjects(admin, lee)).Count == 2, "both emails logged");
        return new Office(admin, rep, colleague, lee);
    }

    private static async Task<List<string>> Subjects(CrmClient client, Guid contact) =>
        (await client.GetAsync($"/api/records/contact/{contact}/timeline?limit=100")).Json.GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("title").GetString()!).Order().ToList();

    private static async Task<List<JsonElement>> AuditAsync(CrmClient admin) =>
        (await admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task APersonalEntry_PurgesOnlyMailSeenInTheRepsOwnMailbox_AndIsRestorable()
    {
        var office = await OfficeAsync();

        var wouldPurge = await office.Rep.Rep.PostAsync("/api/never-log", new { value = "northwind-purge.example.com", scope = "personal" });
        var added = await office.Rep.Rep.PostAsync("/api/never-log", new { value = "northwind-purge.example.com", scope = "personal", confirmPurge = true });

        Assert.Equal(1, wouldPurge.Json.GetProperty("wouldPurge").GetInt32());
        Assert.True(added.Status == HttpStatusCode.Created, added.Text);
        Assert.Equal(1, added.Json.GetProperty("purged").GetInt32());
        Assert.Equal(["Email - From the colleague"], await Subjects(office.Admin, office.Lee));
        var entryId = added.Json.GetProperty("entry").GetProperty("id").GetGuid();

        var colleagueTries = await office.Colleague.Rep.PostAsync($"/api/never-log/{entryId}/restore", new { });
        var restored = await office.Rep.Rep.PostAsync($"/api/never-log/{entryId}/restore", new { });

        colleagueTries.AssertProblem(HttpStatusCode.NotFound, "id");
        Assert.True(restored.Status == HttpStatusCode.OK, restored.Text);
        Assert.Equal(1, restored.Json.GetProperty("restored").GetInt32());
        Assert.Equal(["Email - From the colleague", "Email - From the rep"], await Subjects(office.Admin, office.Lee));
        Assert.DoesNotContain((await office.Rep.Rep.GetAsync("/api/never-log")).Json.GetProperty("items").EnumerateArray(),
            item => item.GetProperty("id").GetGuid() == entryId);
        var audit = await AuditAsync(office.Admin);
        var addedLine = Assert.Single(audit, line => line.GetProperty("action").GetString() == "neverLog.added");
        Assert.Equal(office.Rep.Rep.Email, addedLine.GetProperty("actor").GetString());
        Assert.Equal("personal domain northwind-purge.example.com", addedLine.GetProperty("target").GetString());
        Assert.Equal(1, addedLine.GetProperty("count").GetInt32());
        Assert.Equal(1, Assert.Single(audit, line => line.GetProperty("action").GetString() == "neverLog.restored").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AnAccountEntry_IsAnAdmins_PurgesEveryonesMail_AndOnlyAnAdminRestoresIt()
    {
        var office = await OfficeAsync();

        var added = await office.Admin.PostAsync("/api/never-log", new { value = "northwind-purge.example.com", scope = "account", confirmPurge = true });
        var entryId = added.Json.GetProperty("entry").GetProperty("id").GetGuid();
        var repTries = await office.Rep.Rep.PostAsync($"/api/never-log/{entryId}/restore", new { });

        Assert.Equal(2, added.Json.GetProperty("purged").GetInt32());
        Assert.Empty(await Subjects(office.Admin, office.Lee));
        Assert.Equal(HttpStatusCode.Forbidden, repTries.Status);
        Assert.Equal(HttpStatusCode.OK, (await office.Admin.PostAsync($"/api/never-log/{entryId}/restore", new { })).Status);
        Assert.Equal(2, (await Subjects(office.Admin, office.Lee)).Count);
    }

    [Fact]
    public async Task APurge_EndsAfter30Days_ForGood_AndTheAuditSaysSo()
    {
        var office = await OfficeAsync();
        var added = await office.Rep.Rep.PostAsync("/api/never-log", new { value = "lee@northwind-purge.example.com", scope = "personal", confirmPurge = true });
        var entryId = added.Json.GetProperty("entry").GetProperty("id").GetGuid();
        var restorableUntil = added.Json.GetProperty("restorableUntil").GetDateTimeOffset();
        Assert.InRange(restorableUntil - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));

        // The sweep is the whole deployment's: other tests' purges may end in it too, so this account's audit tells.
        var purges = factory.Services.GetRequiredService<NeverLogPurges>();
        await purges.ExpireAsync(restorableUntil.AddMinutes(-1), 10_000, CancellationToken.None);
        Assert.DoesNotContain(await AuditAsync(office.Admin), line => line.GetProperty("action").GetString() == "neverLog.purgeExpired");
        var ended = await purges.ExpireAsync(restorableUntil.AddMinutes(1), 10_000, CancellationToken.None);
        var tooLate = await office.Rep.Rep.PostAsync($"/api/never-log/{entryId}/restore", new { });

        Assert.True(ended >= 1);
        tooLate.AssertProblem(HttpStatusCode.NotFound, "id");
        Assert.Equal(["Email - From the colleague"], await Subjects(office.Admin, office.Lee));
        var line = Assert.Single(await AuditAsync(office.Admin), line => line.GetProperty("action").GetString() == "neverLog.purgeExpired");
        Assert.Equal("system", line.GetProperty("actor").GetString());
        Assert.Equal(1, line.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task TheAccountsOwnDomain_CannotBeNeverLogged_InEitherScope()
    {
        var office = await OfficeAsync();
        var own = office.Admin.Email.Split('@')[1];

        foreach (var scope in new[] { "personal", "account" })
        {
            (await office.Admin.PostAsync("/api/never-log", new { value = own, scope, confirmPurge = true })).AssertProblem(HttpStatusCode.BadRequest, "value");
        }
        Assert.Equal(2, (await Subjects(office.Admin, office.Lee)).Count);
    }

    [Fact]
    public async Task AColleaguesAddress_AndADomainAUserIsAt_CannotBeNeverLogged()
    {
        var office = await OfficeAsync();
        // A user of the same tenant whose address is at a second domain of the company, which no internal domain lists.
        var subsidiary = $"subsidiary-{Guid.NewGuid():N}.example.com";
        var token = factory.Services.GetRequiredService<OutlookCrm.CrmApi.Platform.Auth.DevIssuer.DevTokenIssuer>()
            .Issue(office.Admin.TenantId, Guid.NewGuid().ToString(), $"sam@{subsidiary}", "Sam", roles: ["Crm.User"]);
        Assert.Equal(HttpStatusCode.OK, (await CrmClient.WithToken(factory, token).GetAsync("/api/me")).Status);

        (await office.Rep.Rep.PostAsync("/api/never-log", new { value = office.Colleague.Rep.Email, scope = "personal" })).AssertProblem(HttpStatusCode.BadRequest, "value");
        (await office.Rep.Rep.PostAsync("/api/never-log", new { value = subsidiary, scope = "personal" })).AssertProblem(HttpStatusCode.BadRequest, "value");
        Assert.Equal(HttpStatusCode.Created, (await office.Rep.Rep.PostAsync("/api/never-log", new { value = "newsletters.example.net", scope = "personal" })).Status);
    }
}
