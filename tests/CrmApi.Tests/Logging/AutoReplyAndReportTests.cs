using OutlookCrm.CrmApi.Email.Rules;

namespace OutlookCrm.CrmApi.Tests.Logging;

/// <summary>
/// Automatic mail that does not say Auto-Submitted, and reports, as real messages carry them (the headers below are
/// those of ../shared/corpus/mail files, named in each case).
/// </summary>
public class AutoReplyAndReportTests
{
    private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value)).ToList();

    [Fact]
    public void Reason_ExchangeOutOfOffice_AutomaticReply()
    {
        // 7ba3adef-rfc3834-02.eml: Exchange's out-of-office reply, no Auto-Submitted.
        var headers = Headers(("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "nekonyaan@example.org"), ("Content-Type", "text/plain; charset=\"us-ascii\""));

        Assert.Equal("automatic reply (Exchange inbox rule)", NoiseFilter.Reason(headers, "nekonyaan@example.org", "Automatic reply: Nyaan"));
    }

    [Theory]
    [InlineData("X-Autoreply", "yes", "automatic reply (X-Autoreply)")]
    [InlineData("X-Autorespond", "Out of office", "automatic reply (X-Autorespond)")]
    [InlineData("Precedence", "auto_reply", "automatic reply (Precedence: auto_reply)")]
    public void Reason_VacationToolHeaders_AutomaticReply(string name, string value, string reason) =>
        Assert.Equal(reason, NoiseFilter.Reason(Headers((name, value)), "megan@fabrikam.com", "Away"));

    [Theory]
    [InlineData("Auto reply: Nyaan")] // 3c4a5cc9-rfc3834-03.eml: nothing but the subject says so
    [InlineData("Automatische Antwort: Angebot")]
    [InlineData("Réponse automatique : Devis")]
    [InlineData("Out of Office: Pricing")]
    public void Reason_AutoReplySubjectOnly_AutomaticReply(string subject) =>
        Assert.Equal("automatic reply (subject)", NoiseFilter.Reason(Headers(("Content-Type", "text/plain; charset=UTF-8")), "megan@fabrikam.com", subject));

    [Theory]
    [InlineData("Re: Automatic reply settings for the team")]
    [InlineData("Auto insurance quote")]
    [InlineData("Meeting notes")]
    public void Reason_OrdinaryMailMentioningAutoReplies_NotNoise(string subject) =>
        Assert.Null(NoiseFilter.Reason(Headers(("X-Autoreply", "no")), "megan@fabrikam.com", subject));

    [Fact]
    public void Reason_ReadReceipt_ReadReceiptNotABounce()
    {
        // 482756cf-disposition-notification.eml (RFC 8098).
        var headers = Headers(("Content-Type", "multipart/report; report-type=disposition-notification; boundary=\"x\""));

        Assert.Equal("read receipt", NoiseFilter.Reason(headers, "megan@fabrikam.com", "Disposition notification"));
    }

    [Fact]
    public void Reason_Office365NonDelivery_Bounce()
    {
        // a5ab1379-lhost-office365-05.eml: Auto-Submitted says it too, the report's type says what it is.
        var headers = Headers(("Content-Type", "multipart/report; report-type=delivery-status;"), ("Auto-Submitted", "auto-replied"));

        Assert.Equal("delivery report (bounce)", NoiseFilter.Reason(headers, "postmaster@contoso.onmicrosoft.com", "Undeliverable: Nyaan"));
    }

    [Fact]
    public void Reason_AutoReplyThatAlsoSaysBulk_AutomaticMail()
    {
        // 2acb6c4a-rfc3834-06.eml: an auto-responder that adds Precedence: bulk to stop loops.
        var headers = Headers(("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"), ("X-Auto-Response-Suppress", "OOF, AutoReply"));

        Assert.Equal("automatic mail (Auto-Submitted)", NoiseFilter.Reason(headers, "noreply@example.com", "AutoRespons :Nyaan?"));
    }

    [Fact]
    public void Reason_ICloudVacationReply_AutomaticReply()
    {
        // 3c4a5cc9-rfc3834-03.eml: iCloud marks its vacation reply with X-Apple-Action, not Auto-Submitted.
        var headers = Headers(("X-Apple-Criteria", "{kind=VACATION}"), ("X-Apple-Action", "VACATION"));

        Assert.Equal("automatic reply (iCloud vacation reply)", NoiseFilter.Reason(headers, "kijitora@apple.example.com", "Nyaan"));
    }

    [Fact]
    public void Reason_SpamComplaintFeedbackReport_Complaint()
    {
        // RFC 5965 (ARF), as mailbox providers send complaints (c64538e7-yahoo.eml); a report of no known type is still a report.
        Assert.Equal("complaint (feedback report)", NoiseFilter.Reason(Headers(("Content-Type", "multipart/report; report-type=feedback-report")), "feedback@yahoo.com"));
        Assert.Equal("report (multipart/report)", NoiseFilter.Reason(Headers(("Content-Type", "multipart/report; boundary=\"x\"")), "feedback@yahoo.com", "FW:Some subject"));
    }

    [Fact]
    public void Reason_PolishOutlookOutOfOffice_AutomaticReply()
    {
        // c777e2b9-issue212.eml's subject (windows-1250 decoded): Polish Outlook's "Automatyczna odpowiedź:".
        Assert.Equal("automatic reply (subject)", NoiseFilter.Reason([], "piotr@example.pl", "Automatyczna odpowiedź: Piotrze, test"));
    }
}
