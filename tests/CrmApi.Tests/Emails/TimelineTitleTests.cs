using OutlookCrm.CrmApi.Email.LoggedEmails;

namespace OutlookCrm.CrmApi.Tests.Emails;

public class TimelineTitleTests
{
    [Theory]
    [InlineData("FW: Pricing", "Email - Fwd: Pricing")]
    [InlineData("Fwd: Pricing", "Email - Fwd: Pricing")]
    [InlineData("WG: Pricing", "Email - Fwd: Pricing")]
    [InlineData("TR: RE: Pricing", "Email - Fwd: Pricing")]
    [InlineData("Pricing", "Email - Fwd: Pricing")]
    public void For_Forward_StartsWithEmailFwd(string subject, string expected)
    {
        Assert.Equal(expected, TimelineTitle.For(EmailKinds.Forward, subject));
    }

    [Fact]
    public void For_Reply_KeepsTheThreadSubject()
    {
        Assert.Equal("Email - Re: Pricing", TimelineTitle.For(EmailKinds.Reply, "AW: Re[2]: Pricing"));
    }

    [Theory]
    [InlineData("Pricing for 2027", "Email - Pricing for 2027")]
    [InlineData("  ", "Email - (no subject)")]
    [InlineData("Review: the contract", "Email - Review: the contract")]
    public void For_NewEmail_IsEmailDashSubject(string subject, string expected)
    {
        Assert.Equal(expected, TimelineTitle.For(EmailKinds.Email, subject));
    }
}
