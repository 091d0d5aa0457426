using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.Tests.Logging;

/// <summary>The kind and noise rules on the shapes real mail takes (each example from a corpus message's headers).</summary>
public class RealMailKindTests
{
    private static FetchedMessage Message(
        string subject, string? inReplyTo = null, string? references = null, string? meeting = null, params (string Name, string Value)[] headers) =>
        new("id", "<m@x>", null, subject, "", new Mailbox("megan@fabrikam.com", null), new Mailbox("megan@fabrikam.com", null), [], [], [],
            DateTimeOffset.UnixEpoch, false, inReplyTo, references, null,
            headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value)).ToList(), MeetingMessage: meeting);

    [Fact]
    public void KindOf_ReferencesOnlyWithAReplyPrefix_IsAReply()
    {
        // php-mime-mail-parser's m0019: a Gmail-thread reply carrying References and no In-Reply-To.
        var reply = Message("Re: Maya Ethnobotanicals - Emails", references: "<CAEMnOreG=99=qx-ONib=g+32uBdSav5WP303BA@mail.gmail.com>");

        Assert.Equal(EmailKinds.Reply, MessageKind.Of(null, reply));
    }

    [Fact]
    public void KindOf_ReferencesOnlyWithoutAPrefix_StaysAForward()
    {
        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, Message("Pricing", references: "<p@x>")));
    }

    [Fact]
    public void KindOf_ThunderbirdsForwardMark_IsAForwardWhateverThePrefix()
    {
        var forward = Message("Re: Pricing", references: "<p@x>", headers: ("X-Forwarded-Message-Id", "<p@x>"));

        Assert.Equal(EmailKinds.Forward, MessageKind.Of(null, forward));
    }

    [Theory]
    [InlineData("meeting request")]
    [InlineData("meeting response")]
    [InlineData("meeting message")]
    public void Reason_AMeetingMessage_IsACalendarItemWhateverItsTopLevelType(string meeting)
    {
        // Outlook's test invitation (Thunderbird's calendar tests): multipart/alternative at the top, text/calendar inside.
        var invitation = Message("Testaus", meeting: meeting, headers: ("Content-Type", "multipart/alternative; boundary=\"_000_\""));

        Assert.Equal($"calendar item ({meeting})", NoiseFilter.Reason(invitation));
    }

    [Fact]
    public void Reason_OutlooksCalendarContentClass_IsACalendarItem()
    {
        var invitation = Message("TestMeeting", headers: [("Content-Type", "multipart/alternative; boundary=\"b\""), ("Content-class", "urn:content-classes:calendarmessage")]);

        Assert.Equal("calendar item", NoiseFilter.Reason(invitation));
    }

    [Fact]
    public void Reason_MailInAMultipartWithoutACalendar_IsNotNoise()
    {
        Assert.Null(NoiseFilter.Reason(Message("Quote", headers: ("Content-Type", "multipart/alternative; boundary=\"b\""))));
    }

    [Fact]
    public void FromText_KeepsEveryLineAndEveryCharacterAsWritten()
    {
        Assert.Equal("Hi &lt;Megan&gt;,<br><br>a &amp; b", EmailBodies.FromText("Hi <Megan>,\r\n\r\na & b"));
    }
}
