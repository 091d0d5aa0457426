using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Logging;

public class NoiseAndKindTests
{
    private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value)).ToList();

    [Theory]
    [InlineData("List-Unsubscribe", "<mailto:u@x.com>", "bulk mail (List-Unsubscribe)")]
    [InlineData("List-Id", "<news.fabrikam.com>", "mailing list (List-Id)")]
    [InlineData("Precedence", "bulk", "bulk mail (Precedence: bulk)")]
    [InlineData("precedence", "List", "bulk mail (Precedence: list)")]
    [InlineData("Precedence", "junk", "bulk mail (Precedence: junk)")]
    [InlineData("Auto-Submitted", "auto-replied", "automatic mail (Auto-Submitted)")]
    [InlineData("Content-Type", "multipart/report; report-type=delivery-status", "delivery report (bounce)")]
    [InlineData("Content-Type", "text/calendar; method=REQUEST", "calendar item")]
    public void Reason_BulkOrAutomaticHeader_IsNoise(string name, string value, string reason)
    {
        Assert.Equal(reason, NoiseFilter.Reason(Headers((name, value)), "megan@fabrikam.com"));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@fabrikam.com")]
    [InlineData("postmaster@fabrikam.com")]
    public void Reason_BounceSender_IsNoise(string from)
    {
        Assert.Equal("delivery report (bounce)", NoiseFilter.Reason([], from));
    }

    [Fact]
    public void Reason_OrdinaryMail_IsNotNoise()
    {
        Assert.Null(NoiseFilter.Reason(Headers(("Auto-Submitted", "no"), ("Precedence", "first-class"), ("Content-Type", "text/html")), "megan@fabrikam.com"));
    }

    private static FetchedMessage Message(string subject, string? inReplyTo = null, string? references = null) =>
        new("id", "<m@x>", null, subject, "", new Mailbox("a@x.com", null), new Mailbox("a@x.com", null), [], [], [], DateTimeOffset.UnixEpoch, false, inReplyTo, references, null, []);

    private static LogIntent Intent(string? composeType) => new()
    {
        AccountId = Guid.Empty,
        TrackingId = "t",
        UserId = Guid.Empty,
        DoLog = true,
        RecordIds = "[]",
        ComposeType = composeType,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = DateTimeOffset.MaxValue,
    };

    [Fact]
    public void KindOf_TheIntentsComposeTypeWins()
    {
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(Intent("forward"), Message("RE: x", inReplyTo: "<p@x>")));
        Assert.Equal(EmailKinds.Email, MessageKind.Of(Intent("newMail"), Message("RE: x", inReplyTo: "<p@x>")));
    }

    [Fact]
    public void KindOf_Headers_ThenSubject()
    {
        Assert.Equal(EmailKinds.Reply, MessageKind.Of(null, Message("Pricing", inReplyTo: "<p@x>")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("FW: Pricing", inReplyTo: "<p@x>")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("Pricing", references: "<p@x>")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("WG: Preise")));
        Assert.Equal(EmailKinds.Reply, MessageKind.Of(null, Message("AW: Preise")));
        Assert.Equal(EmailKinds.Email, MessageKind.Of(null, Message("Preise")));
    }

    [Fact]
    public void KindOf_PrefixesThatCollide_HeadersDecide()
    {
        // VS: is a Finnish reply and a Danish or Norwegian forward; RV: is Spanish Outlook's forward ("reenviado").
        Assert.Equal(EmailKinds.Reply, MessageKind.Of(null, Message("VS: Tarjous", inReplyTo: "<p@x>")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("VS: Tilbud", references: "<p@x>")));
        Assert.Equal(EmailKinds.Email, MessageKind.Of(null, Message("VS: Tilbud")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("RV: Presupuesto", inReplyTo: "<p@x>")));
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("I: Preventivo")));
    }
}
