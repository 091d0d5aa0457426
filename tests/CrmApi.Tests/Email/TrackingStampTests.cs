using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Email;

/// <summary>Where the pane's tracking id is read from, in the order the rules trust it.</summary>
public class TrackingStampTests
{
    private static FetchedMessage Message(string? customProperties) => new(
        "graph-1", "<m@contoso.com>", null, "Pricing", "<p>x</p>", new Mailbox("rep@contoso.com", null), new Mailbox("rep@contoso.com", null),
        [], [], [], DateTimeOffset.UnixEpoch, false, null, null, customProperties, []);

    private static Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> Headers(string? tracking) => _ =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, string>>?>(tracking is null ? [] : [new("X-OutlookCrm-Tracking", $" {tracking} ")]);

    [Fact]
    public async Task FindAsync_CustomPropertyAndHeader_TheCustomPropertyWins()
    {
        var found = await TrackingStamp.FindAsync(Message("""{"trackingId":"t-prop"}"""), outgoing: true, Headers("t-header"), CancellationToken.None);

        Assert.Equal(("t-prop", "custom property"), found);
    }

    [Fact]
    public async Task FindAsync_SentCopyWithHeaderOnly_TheHeaderTrimmed()
    {
        var found = await TrackingStamp.FindAsync(Message(null), outgoing: true, Headers("t-header"), CancellationToken.None);

        Assert.Equal(("t-header", "MIME header"), found);
    }

    [Fact]
    public async Task FindAsync_ColleaguesInboxCopyWithHeader_NoneAndTheHeadersAreNotRead()
    {
        var read = false;
        var found = await TrackingStamp.FindAsync(Message(null), outgoing: false, _ =>
        {
            read = true;
            return Task.FromResult<IReadOnlyList<KeyValuePair<string, string>>?>([new(TrackingStamp.Header, "t-header")]);
        }, CancellationToken.None);

        Assert.Null(found.TrackingId);
        Assert.False(read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[\"trackingId\"]")]
    [InlineData("{\"trackingId\":42}")]
    [InlineData("{\"other\":\"x\"}")]
    public void CustomProperty_MissingOrMalformed_None(string? json) =>
        Assert.Null(TrackingStamp.CustomProperty(json, TrackingStamp.TrackingProperty));

    [Fact]
    public void ReviewReason_SetByTheSendHandler_Read() =>
        Assert.Equal("timeout", TrackingStamp.ReviewReason(Message("""{"trackingId":"t-1","reviewReason":"timeout"}""")));
}
