using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Common;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("Megan.Bowen@Fabrikam.com", "megan.bowen@fabrikam.com")]
    [InlineData("  lee.gu@northwindtraders.com \t", "lee.gu@northwindtraders.com")]
    [InlineData("first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk")]
    public void TryNormalize_ValidAddress_LowerCasedAndTrimmed(string input, string expected)
    {
        Assert.True(EmailAddresses.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-address")]
    [InlineData("megan@")]
    [InlineData("@fabrikam.com")]
    [InlineData("Megan <megan@fabrikam.com>")]
    [InlineData("megan@localhost")]
    [InlineData("megan@fabrikam..com")]
    [InlineData("a@b.c; d@e.f")]
    public void TryNormalize_NotABareAddress_Refused(string? input)
    {
        Assert.False(EmailAddresses.TryNormalize(input, out var normalized));
        Assert.Null(normalized);
    }

    [Fact]
    public void TryNormalize_LongerThanTheLimit_Refused()
    {
        var address = new string('a', EmailAddresses.MaxLength) + "@fabrikam.com";

        Assert.False(EmailAddresses.TryNormalize(address, out _));
    }

    [Fact]
    public void DomainOf_NormalisedAddress_ReturnsItsDomain()
    {
        Assert.Equal("fabrikam.com", EmailAddresses.DomainOf("megan@fabrikam.com"));
    }
}
