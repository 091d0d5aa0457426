using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.NewContacts;

public class NewContactApiTests(CrmApiFactory factory)
{
    private static async Task<List<Guid>> CompaniesOfAsync(CrmClient rep, Guid contact) =>
        (await rep.GetAsync($"/api/records/contact/{contact}/associations")).Json.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("record").GetProperty("type").GetString() == "company")
            .Select(item => item.GetProperty("record").GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task NewContact_DomainOfAKnownCompany_JoinsThatCompany()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam, Inc.", domain = "fabrikam.com" });

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = "Alan.Steiner@EU.Fabrikam.com", jobTitle = "CFO" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var contact = reply.Json.GetProperty("contact");
        Assert.Equal("Alan Steiner", contact.GetProperty("name").GetString());
        Assert.Equal("Alan.Steiner@EU.Fabrikam.com", contact.GetProperty("emails")[0].GetProperty("address").GetString());
        Assert.Equal("CFO", contact.GetProperty("properties").GetProperty("jobTitle").GetString());
        Assert.Equal(fabrikam, reply.Json.GetProperty("company").GetProperty("id").GetGuid());
        Assert.False(reply.Json.GetProperty("companyCreated").GetBoolean());
        Assert.Equal([fabrikam], await CompaniesOfAsync(rep, contact.GetProperty("id").GetGuid()));
        var found = Assert.Single((await rep.GetAsync("/api/lookup?email=alan.steiner@eu.fabrikam.com")).Json.GetProperty("results").EnumerateArray());
        Assert.Equal(contact.GetProperty("id").GetGuid(), Assert.Single(found.GetProperty("contacts").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task NewContact_UnknownDomain_CreatesTheCompanyFromIt()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = "kim@adatum.example.co.uk", name = "Kim Akers" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.True(reply.Json.GetProperty("companyCreated").GetBoolean());
        var company = reply.Json.GetProperty("company").GetProperty("id").GetGuid();
        var read = (await rep.GetAsync($"/api/records/company/{company}")).Json;
        Assert.Equal("Example", read.GetProperty("name").GetString());
        Assert.Equal("adatum.example.co.uk", read.GetProperty("domain").GetString());
        Assert.Equal([company], await CompaniesOfAsync(rep, reply.Json.GetProperty("contact").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task NewContact_PersonalMail_HasNoCompany()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = "megan.private@gmail.com" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("company").ValueKind);
        Assert.Empty(await CompaniesOfAsync(rep, reply.Json.GetProperty("contact").GetProperty("id").GetGuid()));
        Assert.Empty((await rep.GetAsync("/api/records/company?q=gmail")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task NewContact_AnotherAccountsCompanyOfThatDomain_IsNeitherUsedNorShown()
    {
        var other = await CrmClient.SignInAsync(factory);
        var theirs = await other.CreateAsync("company", new { name = "Their Tailspin", domain = "tailspin.example.com" });
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = "pat@tailspin.example.com" });

        Assert.True(reply.Json.GetProperty("companyCreated").GetBoolean());
        Assert.NotEqual(theirs, reply.Json.GetProperty("company").GetProperty("id").GetGuid());
        Assert.DoesNotContain("Their Tailspin", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"address":"not an address"}""", "address")]
    [InlineData("""{}""", "address")]
    [InlineData("""{"address":"a@fabrikam.com","name":"   ","jobTitle":"x"}""", null)]
    public async Task NewContact_BadInput_IsAProblemAndStoresNothing(string body, string? field)
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.SendAsync(HttpMethod.Post, "/api/contacts/from-address", body);

        if (field is null)
        {
            // A blank name is not an error: the name comes from the address instead.
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            Assert.Equal("A", reply.Json.GetProperty("contact").GetProperty("name").GetString());
            return;
        }
        reply.AssertProblem(HttpStatusCode.BadRequest, field);
        Assert.Empty((await rep.GetAsync("/api/records/contact")).Json.GetProperty("items").EnumerateArray());
        Assert.Empty((await rep.GetAsync("/api/records/company")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task NewContact_ErasedAddress_IsRefusedAndNoCompanyIsMade()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var gone = await rep.CreateAsync("contact", new { name = "Gone", emails = new[] { new { address = "gone@wingtip.example.com", primary = true } } });
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/contacts/{gone}/erase", new { })).Status);

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = "gone@wingtip.example.com" });

        reply.AssertProblem(HttpStatusCode.BadRequest, "address");
        Assert.Empty((await rep.GetAsync("/api/records/company?q=wingtip")).Json.GetProperty("items").EnumerateArray());
    }
}
