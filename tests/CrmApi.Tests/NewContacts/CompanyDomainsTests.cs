using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

namespace OutlookCrm.CrmApi.Tests.NewContacts;

public class CompanyDomainsTests
{
    [Theory]
    [InlineData("gmail.com")]
    [InlineData("outlook.com")]
    [InlineData("yahoo.co.uk")]
    [InlineData("hotmail.fr")]
    [InlineData("gmx.at")]
    public void PersonalMail_NamesNoCompany(string domain) => Assert.True(CompanyDomains.IsPersonal(domain));

    [Theory]
    [InlineData("fabrikam.com")]
    [InlineData("yahoo-partners.com")]
    [InlineData("outlook-consulting.co.uk")]
    [InlineData("sales.yahoo.example.com")]
    public void CompanyDomains_AreNotPersonal(string domain) => Assert.False(CompanyDomains.IsPersonal(domain));

    [Theory]
    [InlineData("fabrikam.com", "Fabrikam")]
    [InlineData("sales.northwind-traders.co.uk", "Northwind-traders")]
    [InlineData("adatum.com.au", "Adatum")]
    [InlineData("eu.contoso.de", "Contoso")]
    public void NameFor_TakesTheRegisteredLabel(string domain, string name) => Assert.Equal(name, CompanyDomains.NameFor(domain));

    [Fact]
    public void WithParents_LongestFirst_WithoutTheBareTopLevel() =>
        Assert.Equal(["eu.sales.fabrikam.com", "sales.fabrikam.com", "fabrikam.com"], CompanyDomains.WithParents("eu.sales.fabrikam.com"));

    [Theory]
    [InlineData("megan.bowen@fabrikam.com", "Megan Bowen")]
    [InlineData("lee_gu+crm@northwind.com", "Lee Gu Crm")]
    public void NameFromAddress_IsAStartTheRepCanCorrect(string address, string name) => Assert.Equal(name, ContactFromAddress.NameFromAddress(address));
}
