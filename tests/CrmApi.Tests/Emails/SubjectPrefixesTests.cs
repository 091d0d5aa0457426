using OutlookCrm.CrmApi.Email.LoggedEmails;

namespace OutlookCrm.CrmApi.Tests.Emails;

public class SubjectPrefixesTests
{
    [Theory]
    // English
    [InlineData("RE: Pricing", "reply")]
    [InlineData("Re[2]: Pricing", "reply")]
    [InlineData("FW: Pricing", "forward")]
    [InlineData("Fwd: Pricing", "forward")]
    // German
    [InlineData("AW: Preise", "reply")]
    [InlineData("WG: Preise", "forward")]
    // Polish
    [InlineData("ODP: Cennik", "reply")]
    [InlineData("PD: Cennik", "forward")]
    // French
    [InlineData("RE : Tarifs", "reply")]
    [InlineData("TR: Tarifs", "forward")]
    // Spanish / Portuguese
    [InlineData("RV: Precios", "forward")]
    [InlineData("ENC: Preços", "forward")]
    // Dutch
    [InlineData("Antw: Prijzen", "reply")]
    [InlineData("Doorst: Prijzen", "forward")]
    // Nordic
    [InlineData("SV: Priser", "reply")]
    [InlineData("VB: Priser", "forward")]
    [InlineData("VL: Hinnat", "forward")]
    // Italian, Turkish, Chinese, Greek
    [InlineData("RIF: Prezzi", "reply")]
    [InlineData("R: Preventivo", "reply")]
    [InlineData("I: Preventivo", "forward")]
    [InlineData("転送: 見積もり", "forward")]
    [InlineData("回覆：價格", "reply")]
    [InlineData("轉寄：價格", "forward")]
    [InlineData("YNT: Fiyatlar", "reply")]
    [InlineData("转发: 价格", "forward")]
    [InlineData("回复：价格", "reply")]
    [InlineData("ΠΡΘ: Τιμές", "forward")]
    // Stacked: the outermost prefix decides
    [InlineData("RE: AW: Fwd: Pricing", "reply")]
    [InlineData("Fwd: RE: Pricing", "forward")]
    [InlineData("[FW: Pricing]", "forward")]
    public void KindOf_PrefixInAnyCommonLanguage_Recognised(string subject, string kind)
    {
        Assert.Equal(kind, SubjectPrefixes.KindOf(subject));
    }

    [Theory]
    [InlineData("Pricing")]
    [InlineData("Review: the contract")]
    [InlineData("Free trial")]
    [InlineData("Remember the meeting")]
    [InlineData("Awesome news")]
    [InlineData("VS: Hinnat")] // a Finnish reply or a Danish forward: the prefix alone cannot say
    [InlineData("Introduction")]
    [InlineData("Re-send the invoice")]
    public void KindOf_NoPrefix_Null(string subject)
    {
        Assert.Null(SubjectPrefixes.KindOf(subject));
    }

    [Theory]
    [InlineData("RE: AW: Fwd: Pricing", "Pricing")]
    [InlineData("SV:VS: Tilbud", "Tilbud")]
    [InlineData("Re[3]: Re: Pricing for Q3", "Pricing for Q3")]
    [InlineData("Pricing", "Pricing")]
    public void Strip_StackedPrefixes_Removed(string subject, string bare)
    {
        Assert.Equal(bare, SubjectPrefixes.Strip(subject));
    }
}
