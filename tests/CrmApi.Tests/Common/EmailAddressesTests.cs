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

    // IDNA (RFC 5890/5891): mail headers carry the A-label (xn--), people type the U-label; one address either way.
    [Theory]
    [InlineData("müller@bücher.de")]
    [InlineData("müller@xn--bcher-kva.de")]
    [InlineData("MÜLLER@XN--BCHER-KVA.DE")]
    [InlineData("Müller@Bücher.DE")]
    [InlineData(" müller@xn--Bcher-KVA.de ")]
    public void TryNormalize_EitherSpellingOfAnInternationalisedDomain_TheUnicodeForm(string input)
    {
        Assert.True(EmailAddresses.TryNormalize(input, out var normalized));
        Assert.Equal("müller@bücher.de", normalized);
        Assert.Equal("müller@bücher.de", EmailAddresses.Normalize(input));
    }

    [Theory]
    [InlineData("a@xn--bcher-kva.xn--p1ai", "a@bücher.рф")]
    [InlineData("a@sales.xn--bcher-kva.de", "a@sales.bücher.de")]
    [InlineData("a@xn--strae-oqa.de", "a@straße.de")]
    [InlineData("a@xn--h2brj9c.xn--h2brj9c", "a@भारत.भारत")]
    public void Normalize_ALabelsAmongOthers_EachBecomesItsULabel(string input, string expected)
    {
        Assert.Equal(expected, EmailAddresses.Normalize(input));
        Assert.True(EmailAddresses.TryNormalize(expected, out var again) && again == expected, "the Unicode form is accepted as it is");
    }

    // RFC 5891 §5.3: what is not a valid A-label (xn--zz is not Punycode, xn--a decodes to nothing, xn--bcher-2pa
    // decodes to upper case, which RFC 5892 disallows) is not converted: it stays as it came, lower-cased.
    [Theory]
    [InlineData("a@XN--ZZ.de", "a@xn--zz.de")]
    [InlineData("a@xn--a.com", "a@xn--a.com")]
    [InlineData("a@xn--bcher-2pa.de", "a@xn--bcher-2pa.de")]
    public void Normalize_InvalidALabel_StaysAsItIsLowerCased(string input, string expected)
    {
        Assert.Equal(expected, EmailAddresses.Normalize(input));
        Assert.True(EmailAddresses.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("Megan.Bowen@Fabrikam.com", "megan.bowen@fabrikam.com")]
    [InlineData("ÆSIR@Example.com", "æsir@example.com")]
    [InlineData("ÜBER.Müller@xn--bcher-kva.de", "über.müller@bücher.de")]
    public void Normalize_LocalPart_LowerCasedInAnyScript(string input, string expected)
    {
        Assert.Equal(expected, EmailAddresses.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("a@xn--")]
    [InlineData("a@\ud800.xn--zz")]
    public void Normalize_NotAnAddress_NeverThrows(string input)
    {
        var normalized = EmailAddresses.Normalize(System.Text.RegularExpressions.Regex.Unescape(input));

        Assert.NotNull(normalized);
    }

    [Theory]
    [InlineData("müller@bücher.de", new[] { "müller@bücher.de", "müller@xn--bcher-kva.de" })]
    [InlineData("megan@fabrikam.com", new[] { "megan@fabrikam.com" })]
    public void Spellings_InternationalisedDomain_BothForms(string normalized, string[] expected)
    {
        Assert.Equal(expected, EmailAddresses.Spellings(normalized));
    }
}
