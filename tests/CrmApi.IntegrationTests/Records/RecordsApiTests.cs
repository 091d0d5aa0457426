using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Records;

public class RecordsApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Create_ContactWithTwoAddresses_ReadBackWithBoth()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var created = await rep.PostAsync("/api/records/contact", new
        {
            name = "Megan Bowen",
            properties = new { jobTitle = "Head of Procurement", score = 7 },
            emails = new[] { new { address = "Megan.Bowen@Fabrikam.com", primary = true }, new { address = "megan@outlook.com", primary = false } },
        });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json.GetProperty("id").GetGuid();
        var read = await rep.GetAsync($"/api/records/contact/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("contact", read.Json.GetProperty("type").GetString());
        Assert.Equal("Head of Procurement", read.Json.GetProperty("properties").GetProperty("jobTitle").GetString());
        var emails = read.Json.GetProperty("emails").EnumerateArray().Select(email => (email.GetProperty("address").GetString(), email.GetProperty("primary").GetBoolean())).ToList();
        Assert.Equal([("Megan.Bowen@Fabrikam.com", true), ("megan@outlook.com", false)], emails);
    }

    [Fact]
    public async Task Create_EachBuiltinTypeWithItsTypedField_Kept()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var company = await rep.PostAsync("/api/records/company", new { name = "Fabrikam", domain = "WWW.Fabrikam.com" });
        var deal = await rep.PostAsync("/api/records/deal", new { name = "200 seats", properties = new { amount = 48000 } });
        var ticket = await rep.PostAsync("/api/records/ticket", new { name = "Login fails", status = "waitingOnUs" });

        Assert.Equal("fabrikam.com", company.Json.GetProperty("domain").GetString());
        Assert.Equal("appointmentScheduled", deal.Json.GetProperty("stage").GetString());
        Assert.Equal(48000, deal.Json.GetProperty("properties").GetProperty("amount").GetInt32());
        Assert.Equal("waitingOnUs", ticket.Json.GetProperty("status").GetString());
        Assert.False(company.Json.TryGetProperty("emails", out _));
    }

    [Fact]
    public async Task Create_CustomObjectRecord_AfterItsTypeIsDefined()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var type = await rep.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        var project = await rep.PostAsync("/api/records/project", new { name = "Rollout", properties = new { phase = "pilot" } });
        var types = await rep.GetAsync("/api/object-types");

        Assert.Equal(HttpStatusCode.Created, type.Status);
        Assert.Equal("Projects", type.Json.GetProperty("pluralLabel").GetString());
        Assert.Equal(HttpStatusCode.Created, project.Status);
        Assert.Equal("project", project.Json.GetProperty("type").GetString());
        Assert.Equal(new[] { "contact", "company", "deal", "ticket", "project" }.Order(), types.Json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public async Task Patch_ChangesOnlyWhatIsGiven()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var id = await rep.CreateAsync("contact", new
        {
            name = "Lee Gu",
            properties = new { jobTitle = "Buyer", city = "Oslo" },
            emails = new[] { new { address = "lee@northwind.example.com", primary = true } },
        });

        var patched = await rep.PatchAsync($"/api/records/contact/{id}", new
        {
            properties = new { city = (string?)null, jobTitle = "Head buyer" },
            emails = new[] { new { address = "lee.gu@northwind.example.com", primary = true } },
        });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var read = (await rep.GetAsync($"/api/records/contact/{id}")).Json;
        Assert.Equal("Lee Gu", read.GetProperty("name").GetString());
        Assert.Equal("Head buyer", read.GetProperty("properties").GetProperty("jobTitle").GetString());
        Assert.False(read.GetProperty("properties").TryGetProperty("city", out _));
        Assert.Equal("lee.gu@northwind.example.com", Assert.Single(read.GetProperty("emails").EnumerateArray()).GetProperty("address").GetString());
    }

    [Fact]
    public async Task Delete_RemovesRecordAddressesAndAssociations()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Gone", emails = new[] { new { address = "gone@fabrikam.com", primary = true } } });
        var company = await rep.CreateAsync("company", new { name = "Fabrikam" });
        await rep.AssociateAsync(contact, company);

        var deleted = await rep.DeleteAsync($"/api/records/contact/{contact}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        (await rep.GetAsync($"/api/records/contact/{contact}")).AssertProblem(HttpStatusCode.NotFound, "id");
        Assert.Empty((await rep.GetAsync($"/api/records/company/{company}/associations")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(0, await factory.CountRowsAsync("contact_emails", rep.AccountId));
        Assert.Equal(0, await factory.CountRowsAsync("associations", rep.AccountId));
    }

    [Fact]
    public async Task Search_ByNameAddressOrDomain_PagedWithCursor()
    {
        var rep = await CrmClient.SignInAsync(factory);
        for (var i = 0; i < 5; i++)
        {
            await rep.CreateAsync("contact", new { name = $"Adele Vance {i}", emails = new[] { new { address = $"adele{i}@adatum.com", primary = true } } });
        }
        await rep.CreateAsync("contact", new { name = "Someone else", emails = new[] { new { address = "x@other.com", primary = true } } });

        var first = await rep.GetAsync("/api/records/contact?q=adele&limit=3");
        var cursor = first.Json.GetProperty("nextCursor").GetString();
        var second = await rep.GetAsync($"/api/records/contact?q=adele&limit=3&cursor={Uri.EscapeDataString(cursor!)}");
        var byAddress = await rep.GetAsync("/api/records/contact?q=ADELE3@");

        var names = first.Json.GetProperty("items").EnumerateArray().Concat(second.Json.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Adele Vance {i}"), names);
        Assert.Equal(JsonValueKind.Null, second.Json.GetProperty("nextCursor").ValueKind);
        Assert.Equal("Adele Vance 3", Assert.Single(byAddress.Json.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_WildcardCharacters_MatchedLiterally()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.CreateAsync("company", new { name = "100% Juice" });
        await rep.CreateAsync("company", new { name = "1000 Juices" });

        var found = await rep.GetAsync("/api/records/company?q=" + Uri.EscapeDataString("100%"));

        Assert.Equal("100% Juice", Assert.Single(found.Json.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }
}
