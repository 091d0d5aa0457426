using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Common;

public class DomainsTests
{
    [Theory]
    [InlineData("Fabrikam.COM", "fabrikam.com")]
    [InlineData(" www.contoso.com ", "contoso.com")]
    [InlineData("eu.sales.adatum.com", "eu.sales.adatum.com")]
    public void TryNormalize_HostName_LowerCasedWithoutWww(string input, string expected)
    {
        Assert.True(Domains.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("https://contoso.com/about")]
    [InlineData("contoso com")]
    [InlineData("10.0.0.1")]
    public void TryNormalize_NotADomain_Refused(string input)
    {
        Assert.False(Domains.TryNormalize(input, out _));
    }
}
