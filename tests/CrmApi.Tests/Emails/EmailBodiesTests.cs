using OutlookCrm.CrmApi.Emails;

namespace OutlookCrm.CrmApi.Tests.Emails;

public class EmailBodiesTests
{
    [Theory]
    [InlineData("<p>Hi</p><script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public void Sanitize_ExecutableContent_Removed(string html, string forbidden)
    {
        Assert.DoesNotContain(forbidden, EmailBodies.Sanitize(html), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sanitize_OrdinaryEmailHtml_Kept()
    {
        var html = "<p>Hi <b>Megan</b>, see <a href=\"https://contoso.com/q/1\">the quote</a>.</p>";

        Assert.Equal(html, EmailBodies.Sanitize(html));
    }

    [Fact]
    public void Preview_LongBody_PlainTextCutWithEllipsis()
    {
        var html = "<p>" + string.Join(' ', Enumerable.Repeat("word", 100)) + "</p>";

        var preview = EmailBodies.Preview(html);

        Assert.Equal(EmailBodies.PreviewLength, preview.Length);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", preview, StringComparison.Ordinal);
    }
}
