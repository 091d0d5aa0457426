using OutlookCrm.CrmApi.Email.Threads;

namespace OutlookCrm.CrmApi.Tests.Email;

/// <summary>The Message-IDs a reply or forward points at, as the thread rule reads them.</summary>
public class ThreadMatchingTests
{
    [Fact]
    public void MessageIds_ReferencesHeader_EveryIdInOrder()
    {
        var ids = ThreadMatching.MessageIds("<a@contoso.com> <b@fabrikam.com>\r\n\t<c@contoso.com>");

        Assert.Equal(["<a@contoso.com>", "<b@fabrikam.com>", "<c@contoso.com>"], ids);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no brackets here")]
    [InlineData("<>")]
    [InlineData("<with space@contoso.com>")]
    public void MessageIds_NoneOrBroken_Empty(string? header) => Assert.Empty(ThreadMatching.MessageIds(header));

    [Fact]
    public void MessageIds_CommentsAroundIds_OnlyTheIds()
    {
        // RFC 5322 allows comments and folding between ids; real clients write them (Outlook's "In-Reply-To: <id> (comment)").
        var ids = ThreadMatching.MessageIds("(original) <a@contoso.com> (sent by Megan)");

        Assert.Equal(["<a@contoso.com>"], ids);
    }

    private static EmailKey Logged(string messageId) => new() { Id = Guid.CreateVersion7(), InternetMessageId = messageId };

    [Fact]
    public void Parent_InReplyToAndReferencesBothLogged_TheReplyWins()
    {
        var because = ThreadMatching.Parent(["<b@contoso.com>"], [Logged("<a@contoso.com>"), Logged("<b@contoso.com>")]);

        Assert.Equal("reply to logged email <b@contoso.com>", because);
    }

    [Fact]
    public void Parent_OnlyAReferenceLogged_References()
    {
        // A forward carries References but no In-Reply-To; a reply whose direct parent was never logged reads the same way.
        var because = ThreadMatching.Parent(["<not-logged@contoso.com>"], [Logged("<a@contoso.com>")]);

        Assert.Equal("references logged email <a@contoso.com>", because);
    }

    [Fact]
    public void Parent_NothingLogged_None() => Assert.Null(ThreadMatching.Parent(["<a@contoso.com>"], []));

    [Fact]
    public void MayJoinConversation_OnlyAMessageThatNamesAParent()
    {
        // f88ed2d5-raw_email_reply.eml without its threading headers: "Re: Test reply email" names nothing, and Exchange
        // may still file it in the logged email's conversation by its subject.
        Assert.False(ThreadMatching.MayJoinConversation(ThreadMatching.MessageIds(null)));
        Assert.True(ThreadMatching.MayJoinConversation(ThreadMatching.MessageIds("<4B8E4C5B.3050205@xxx.org>")));
    }
}
