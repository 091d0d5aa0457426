using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>
/// A message with a calendar part arrives as Graph's eventMessage (learn.microsoft.com graph/api/resources/eventmessage),
/// typed by its <c>@odata.type</c> in a single GET, a folder's list and a delta page.
/// </summary>
public class MeetingMessageTests(CrmApiFactory factory)
{
    private readonly EmulatorGraph _graph = new(factory);

    private static string Invitation(string address, string calendarContentType, string calendar) =>
        $"From: Megan <megan@fabrikam.com>\r\nTo: {address}\r\nSubject: Meeting\r\nMessage-ID: <{Guid.NewGuid():N}@fabrikam.com>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\nLet's meet\r\n"
        + $"--a\r\nContent-Type: {calendarContentType}\r\n\r\nBEGIN:VCALENDAR\r\n{calendar}BEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--a--\r\n";

    public static TheoryData<string> RealInvitations => ["0c7eee11-outlook-test-invite.eml", "3beae4e1-teams-meeting-invite.eml", "f791c8f3-meet-meeting-invite.eml"];

    [Theory]
    [MemberData(nameof(RealInvitations))]
    public async Task DeliverMime_RealInvitation_AnEventMessageRequestEverywhere(string file)
    {
        var mime = await File.ReadAllBytesAsync(Corpus.MailFile(file), TestContext.Current.CancellationToken);
        var address = await _graph.MailboxAsync();

        var id = await _graph.DeliverMimeAsync(address, mime);

        var single = await _graph.GetAsync($"/users/{address}/messages/{id}");
        var listed = Assert.Single((await _graph.GetAsync($"/users/{address}/mailFolders/inbox/messages")).GetProperty("value").EnumerateArray());
        var delta = Assert.Single((await _graph.GetAsync($"/users/{address}/mailFolders/inbox/messages/delta")).GetProperty("value").EnumerateArray());
        Assert.All([single, listed, delta], message =>
        {
            Assert.Equal("#microsoft.graph.eventMessageRequest", message.GetProperty("@odata.type").GetString());
            Assert.Equal("meetingRequest", message.GetProperty("meetingMessageType").GetString());
        });
        // The product reads messages with the Graph SDK, whose Kiota models are chosen by @odata.type.
        var parsed = new JsonParseNode(single).GetObjectValue(Message.CreateFromDiscriminatorValue);
        Assert.Equal(MeetingMessageType.MeetingRequest, Assert.IsType<EventMessageRequest>(parsed).MeetingMessageType);
    }

    [Fact]
    public async Task DeliverMime_CancelInTheMethodLineOnly_AnEventMessageCancelled()
    {
        var address = await _graph.MailboxAsync();

        var id = await _graph.DeliverMimeAsync(address, Invitation(address, "text/calendar; charset=utf-8", "METHOD:CANCEL\r\n"));

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}");
        Assert.Equal("#microsoft.graph.eventMessage", message.GetProperty("@odata.type").GetString());
        Assert.Equal("meetingCancelled", message.GetProperty("meetingMessageType").GetString());
    }

    [Theory]
    [InlineData("ACCEPTED", "meetingAccepted", "accepted")]
    [InlineData("TENTATIVE", "meetingTenativelyAccepted", "tentativelyAccepted")]
    [InlineData("DECLINED", "meetingDeclined", "declined")]
    public async Task DeliverMime_Reply_AnEventMessageResponseByTheAttendeesStatus(string partstat, string meetingMessageType, string responseType)
    {
        var address = await _graph.MailboxAsync();
        // A folded ATTENDEE line (RFC 5545 §3.1), as Outlook writes long ones.
        var calendar = $"METHOD:REPLY\r\nATTENDEE;CN=\"Alex Wilber\";\r\n PARTSTAT={partstat}:mailto:alex@fabrikam.com\r\n";

        var id = await _graph.DeliverMimeAsync(address, Invitation(address, "text/calendar; method=REPLY", calendar));

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}?$select=subject,meetingMessageType,responseType");
        Assert.Equal("#microsoft.graph.eventMessageResponse", message.GetProperty("@odata.type").GetString());
        Assert.Equal(meetingMessageType, message.GetProperty("meetingMessageType").GetString());
        Assert.Equal(responseType, message.GetProperty("responseType").GetString());
        var parsed = Assert.IsType<EventMessageResponse>(new JsonParseNode(message).GetObjectValue(Message.CreateFromDiscriminatorValue));
        Assert.NotNull(parsed.MeetingMessageType);
    }

    [Fact]
    public async Task DeliverMime_NoCalendarPart_APlainMessageWithoutAType()
    {
        var address = await _graph.MailboxAsync();
        var mime = $"From: a@fabrikam.com\r\nTo: {address}\r\nSubject: Plain\r\nContent-Type: text/plain\r\n\r\nHi\r\n";

        var id = await _graph.DeliverMimeAsync(address, mime);

        var message = await _graph.GetAsync($"/users/{address}/messages/{id}");
        Assert.False(message.TryGetProperty("@odata.type", out _));
        Assert.False(message.TryGetProperty("meetingMessageType", out _));
        var delta = Assert.Single((await _graph.GetAsync($"/users/{address}/mailFolders/inbox/messages/delta")).GetProperty("value").EnumerateArray());
        Assert.Equal("#microsoft.graph.message", delta.GetProperty("@odata.type").GetString());
    }
}
