using System.Xml.Linq;
using OutlookCrm.CrmApi.Hosting.Addin;

namespace OutlookCrm.CrmApi.Tests.Manifest;

public class AddinManifestTests
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void ForAProductionHost_EveryUrlOnIt_AndTheConsentResourceNamesTheHostAndClient()
    {
        var xml = XDocument.Parse(AddinManifest.Render(new ManifestSettings("https://crm.contoso.com/", "6D7C7E0A-1111-4222-8333-944455556666", "1.2.0.0", ClientId, null)));

        var all = xml.Descendants().ToList();
        Assert.Equal("6d7c7e0a-1111-4222-8333-944455556666", all.Single(element => element.Name.LocalName == "Id" && element.Parent == xml.Root).Value);
        Assert.Equal("1.2.0.0", all.Single(element => element.Name.LocalName == "Version").Value);
        Assert.All(all.Attributes("DefaultValue").Where(attribute => attribute.Value.Contains("://", StringComparison.Ordinal)),
            attribute => Assert.StartsWith("https://crm.contoso.com/", attribute.Value, StringComparison.Ordinal));
        var info = all.Single(element => element.Name.LocalName == "WebApplicationInfo");
        Assert.Equal(ClientId, info.Elements().Single(element => element.Name.LocalName == "Id").Value);
        Assert.Equal($"api://crm.contoso.com/{ClientId}", info.Elements().Single(element => element.Name.LocalName == "Resource").Value);
    }

    [Theory]
    [InlineData("http://crm.contoso.com", "baseUrl")]
    [InlineData("https://crm.contoso.com/addin", "baseUrl")]
    [InlineData("not a url", "baseUrl")]
    public void BadBaseUrl_IsRefused(string baseUrl, string field) =>
        Assert.Contains(AddinManifest.Check(new ManifestSettings(baseUrl, Guid.NewGuid().ToString(), "1.0.0.0", null, null)), problem => problem.Field == field);

    [Fact]
    public void BadIdVersionOrClient_AreEachNamed()
    {
        var problems = AddinManifest.Check(new ManifestSettings("http://localhost:5080", "x", "1.0", "y", null)).Select(problem => problem.Field);

        Assert.Equal(["appId", "version", "clientId"], problems);
    }
}
