using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Associations;

public class AssociationsApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Associate_ContactWithCompanyAndDeal_BothEndsSeeIt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var company = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });

        var toCompany = await rep.PostAsync("/api/associations", new { fromId = contact, toId = company, label = "Employee" });
        var toDeal = await rep.PostAsync("/api/associations", new { fromId = deal, toId = contact });

        Assert.Equal(HttpStatusCode.Created, toCompany.Status);
        Assert.Equal(HttpStatusCode.Created, toDeal.Status);
        var ofContact = (await rep.GetAsync($"/api/records/contact/{contact}/associations")).Json.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("record").GetProperty("id").GetGuid(), item.GetProperty("record").GetProperty("type").GetString())).ToList();
        Assert.Equal([(company, "company"), (deal, "deal")], ofContact);
        var ofCompany = Assert.Single((await rep.GetAsync($"/api/records/company/{company}/associations")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(contact, ofCompany.GetProperty("record").GetProperty("id").GetGuid());
        Assert.Equal("Employee", ofCompany.GetProperty("label").GetString());
        var ofDeal = Assert.Single((await rep.GetAsync($"/api/records/deal/{deal}/associations")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(contact, ofDeal.GetProperty("record").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Associate_SamePairAndLabelTwice_OneAssociation()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Lee" });
        var company = await rep.CreateAsync("company", new { name = "Northwind" });

        var first = await rep.PostAsync("/api/associations", new { fromId = contact, toId = company });
        var again = await rep.PostAsync("/api/associations", new { fromId = company, toId = contact });
        var reversedDuplicate = await rep.PostAsync("/api/associations", new { fromId = contact, toId = company });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Json.GetProperty("id").GetGuid(), again.Json.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, reversedDuplicate.Status);
        Assert.Equal(2, await factory.CountRowsAsync("associations", rep.AccountId));
    }

    [Fact]
    public async Task Associate_DifferentLabels_AreTwoAssociations()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Lee" });
        var deal = await rep.CreateAsync("deal", new { name = "Renewal" });

        await rep.AssociateAsync(contact, deal, "Decision maker");
        await rep.AssociateAsync(contact, deal, "Champion");

        var labels = (await rep.GetAsync($"/api/records/deal/{deal}/associations")).Json.GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("label").GetString()).Order();
        Assert.Equal(["Champion", "Decision maker"], labels);
    }

    [Fact]
    public async Task Delete_RemovesBothEnds()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Lee" });
        var ticket = await rep.CreateAsync("ticket", new { name = "Broken" });
        var created = await rep.PostAsync("/api/associations", new { fromId = ticket, toId = contact });

        var deleted = await rep.DeleteAsync($"/api/associations/{created.Json.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty((await rep.GetAsync($"/api/records/contact/{contact}/associations")).Json.GetProperty("items").EnumerateArray());
        Assert.Empty((await rep.GetAsync($"/api/records/ticket/{ticket}/associations")).Json.GetProperty("items").EnumerateArray());
    }
}
