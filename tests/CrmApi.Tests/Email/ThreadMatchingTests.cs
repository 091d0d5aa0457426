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
}
