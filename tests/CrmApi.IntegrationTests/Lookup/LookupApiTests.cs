using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Lookup;

public class LookupApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Lookup_EitherAddressInAnyCase_FindsTheContactWithItsCompany()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.CreateAsync("contact", new
        {
            name = "Megan Bowen",
            emails = new[] { new { address = "Megan.Bowen@fabrikam.com", primary = true }, new { address = "megan@outlook.com", primary = false } },
        });
        var fabrikam = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        await rep.AssociateAsync(megan, fabrikam);

        var reply = await rep.GetAsync("/api/lookup?email=MEGAN.BOWEN@FABRIKAM.COM&email=Megan@Outlook.com");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["megan.bowen@fabrikam.com", "megan@outlook.com"], results.Select(result => result.GetProperty("email").GetString()));
        foreach (var result in results)
        {
            var contact = Assert.Single(result.GetProperty("contacts").EnumerateArray());
            Assert.Equal(megan, contact.GetProperty("id").GetGuid());
            Assert.Equal("Megan.Bowen@fabrikam.com", contact.GetProperty("primaryEmail").GetString());
            Assert.Equal(2, contact.GetProperty("emails").GetArrayLength());
            var company = Assert.Single(contact.GetProperty("companies").EnumerateArray());
            Assert.Equal(fabrikam, company.GetProperty("id").GetGuid());
            Assert.Equal("fabrikam.com", company.GetProperty("domain").GetString());
        }
    }

    [Fact]
    public async Task Lookup_AddressSharedByTwoContacts_ReturnsBothNeverOne()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var lee = await rep.CreateAsync("contact", new { name = "Lee Gu", emails = new[] { new { address = "purchasing@northwind.example.com", primary = true } } });
        var isaiah = await rep.CreateAsync("contact", new { name = "Isaiah Langer", emails = new[] { new { address = "Purchasing@Northwind.example.com", primary = true } } });

        var reply = await rep.GetAsync("/api/lookup?email=purchasing@northwind.example.com");

        var contacts = Assert.Single(reply.Json.GetProperty("results").EnumerateArray()).GetProperty("contacts").EnumerateArray()
            .Select(contact => contact.GetProperty("id").GetGuid()).Order().ToList();
        Assert.Equal(new[] { lee, isaiah }.Order(), contacts);
    }

    [Fact]
    public async Task Lookup_UnknownAndRepeatedAddresses_AnsweredOnceEach()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.GetAsync("/api/lookup?email=nobody@nowhere.example.com&email=NOBODY@nowhere.example.com");

        var result = Assert.Single(reply.Json.GetProperty("results").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, result.GetProperty("contacts").ValueKind);
        Assert.Empty(result.GetProperty("contacts").EnumerateArray());
    }

    [Fact]
    public async Task Lookup_MoreThanTheLimit_Refused()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var query = string.Join('&', Enumerable.Range(0, 51).Select(i => $"email=a{i}@fabrikam.com"));

        (await rep.GetAsync($"/api/lookup?{query}")).AssertProblem(HttpStatusCode.BadRequest, "email");
    }
}
