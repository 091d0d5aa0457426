using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Tenancy;

/// <summary>Role rules inside a route every user may call: what a rep may do there, and what only an admin may.</summary>
public class RoleRulesInRoutesTests(CrmApiFactory factory)
{
    [Fact]
    public async Task NeverLog_ARepAddsPersonalEntries_OnlyAnAdminAnAccountOne()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"rep2@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);

        var account = await rep.PostAsync("/api/never-log", new { value = "fabrikam.com", scope = "account" });
        var byDefault = await rep.PostAsync("/api/never-log", new { value = "fabrikam.com" });
        var personal = await rep.PostAsync("/api/never-log", new { value = "fabrikam.com", scope = "personal" });
        var byAdmin = await admin.PostAsync("/api/never-log", new { value = "northwind.com", scope = "account" });

        Assert.Equal(HttpStatusCode.Forbidden, account.Status);
        Assert.Equal("application/problem+json", account.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byDefault.Status);
        Assert.Equal(HttpStatusCode.Created, personal.Status);
        Assert.Equal(HttpStatusCode.Created, byAdmin.Status);
        var entries = (await admin.GetAsync("/api/never-log")).Json.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("scope").GetString() + " " + entry.GetProperty("value").GetString()).ToList();
        Assert.Contains("account northwind.com", entries);
        Assert.DoesNotContain("account fabrikam.com", entries);
        var accountEntry = byAdmin.Json.GetProperty("entry").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await rep.DeleteAsync($"/api/never-log/{accountEntry}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/never-log/{accountEntry}")).Status);
    }

    [Fact]
    public async Task NeverLog_TheAccountsOwnDomainOrAColleague_RefusedNamingValue()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var ownDomain = admin.Email.Split('@')[1];

        var domain = await admin.PostAsync("/api/never-log", new { value = ownDomain, scope = "account", confirmPurge = true });
        var colleague = await admin.PostAsync("/api/never-log", new { value = $"megan@{ownDomain.ToUpperInvariant()}", scope = "personal", confirmPurge = true });

        domain.AssertProblem(HttpStatusCode.BadRequest, "value");
        colleague.AssertProblem(HttpStatusCode.BadRequest, "value");
        Assert.Empty((await admin.GetAsync("/api/never-log")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GlobalOptOut_ARepRecordsIt_OnlyAnAdminClearsIt()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"rep2@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var contact = await admin.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });

        var optOut = await rep.PostAsync($"/api/contacts/{contact}/global-opt-out", new { optedOut = true });
        var clearByRep = await rep.PostAsync($"/api/contacts/{contact}/global-opt-out", new { optedOut = false });
        var stillOut = (await rep.GetAsync($"/api/contacts/{contact}/communication")).Text;
        var clearByAdmin = await admin.PostAsync($"/api/contacts/{contact}/global-opt-out", new { optedOut = false });

        Assert.Equal(HttpStatusCode.OK, optOut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, clearByRep.Status);
        Assert.Contains("Crm.Admin", clearByRep.Text, StringComparison.Ordinal);
        Assert.Contains("\"globallyOptedOut\":true", stillOut, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, clearByAdmin.Status);
    }
}
