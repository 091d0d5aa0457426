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

    // IDNA (RFC 5891 §5.3): an A-label is its U-label; company and internal domains are stored in Unicode.
    [Theory]
    [InlineData("bücher.de", "bücher.de")]
    [InlineData("xn--bcher-kva.de", "bücher.de")]
    [InlineData("XN--BCHER-KVA.DE", "bücher.de")]
    [InlineData("www.xn--bcher-kva.de", "bücher.de")]
    [InlineData("BÜCHER.de", "bücher.de")]
    [InlineData("xn--zz.de", "xn--zz.de")]
    public void TryNormalize_InternationalisedDomain_TheUnicodeForm(string input, string expected)
    {
        Assert.True(Domains.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("Fabrikam.COM", "fabrikam.com")]
    [InlineData("ab--cd.example.com", "ab--cd.example.com")]
    [InlineData("xn--bcher-kva.de", "bücher.de")]
    [InlineData("Xn--Bcher-Kva.De", "bücher.de")]
    [InlineData("xn--zz.de", "xn--zz.de")]
    [InlineData("xn--.de", "xn--.de")]
    [InlineData("", "")]
    public void Normalize_AnyHost_LowerCasedWithULabelsNeverThrows(string input, string expected)
    {
        Assert.Equal(expected, Domains.Normalize(input));
    }

    [Theory]
    [InlineData("fabrikam", true)]
    [InlineData("bücher", true)]
    [InlineData("हिंदी", true)]
    [InlineData("-fabrikam", false)]
    [InlineData("fabrikam-", false)]
    [InlineData("\u0301a", false)]
    [InlineData("fab\u200brikam", false)]
    [InlineData("fab rikam", false)]
    public void IsLabel_LettersDigitsMarksAndInnerHyphens(string label, bool expected)
    {
        Assert.Equal(expected, Domains.IsLabel(System.Text.RegularExpressions.Regex.Unescape(label)));
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
