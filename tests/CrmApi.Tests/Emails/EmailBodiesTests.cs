using OutlookCrm.CrmApi.Platform.Html;

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

    [Fact]
    public void Preview_Paragraphs_AreSeparatedBySpaces_InlineTextIsNot()
    {
        var preview = EmailBodies.Preview("<div><p>Hi Megan,</p><p>As <b>promised</b>, the proposal.<br>Alex</p></div><ul><li>One</li><li>Two</li></ul>");

        Assert.Equal("Hi Megan, As promised, the proposal. Alex One Two", preview);
    }

    [Fact]
    public void Sanitize_RemoteImage_BecomesALink()
    {
        var html = EmailBodies.Sanitize("<p>Logo <img src=\"https://tracker.example.com/pixel.gif?u=42\" alt=\"Fabrikam\"></p>");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://tracker.example.com/pixel.gif?u=42\">[image: Fabrikam]</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"><button>Go</button></form>")]
    [InlineData("<textarea>x</textarea><select><option>a</option></select>")]
    public void Sanitize_Forms_Removed(string html)
    {
        var clean = EmailBodies.Sanitize(html);

        foreach (var tag in new[] { "<form", "<input", "<button", "<textarea", "<select" })
        {
            Assert.DoesNotContain(tag, clean, StringComparison.OrdinalIgnoreCase);
        }
    }
}
