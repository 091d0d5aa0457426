using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.Tests.Emails;

/// <summary>Email HTML past the documented size is cut before it is sanitised, never inside a tag or a character, and says so.</summary>
public class LongBodiesTests
{
    [Fact]
    public void Sanitize_BodyWithinTheSize_AsTheSanitiserAlone()
    {
        var html = "<p>Hi Megan,</p><p>" + new string('x', 10_000) + "</p>";

        Assert.Equal(EmailBodies.Sanitize(html), LongBodies.Sanitize(html));
    }

    [Fact]
    public void Cut_TagAcrossTheLimit_EndsBeforeTheTag()
    {
        var html = new string('x', LongBodies.MaxChars - 10) + "<a href=\"https://example.com/a-long-way\">link</a>";

        var cut = LongBodies.Cut(html);

        Assert.Equal(new string('x', LongBodies.MaxChars - 10), cut);
    }

    [Fact]
    public void Cut_CharacterOfTwoHalvesAtTheLimit_KeptWholeOrNotAtAll()
    {
        var html = new string('x', LongBodies.MaxChars - 1) + "😀" + "tail";

        var cut = LongBodies.Cut(html);

        Assert.Equal(LongBodies.MaxChars - 1, cut.Length);
        Assert.False(char.IsHighSurrogate(cut[^1]));
    }

    [Theory]
    [InlineData("<p>", "</p>")]
    [InlineData("<style>", "")]
    [InlineData("<!-- ", "")]
    [InlineData("<textarea>", "")]
    [InlineData("<table><tr><td>", "")]
    public void Sanitize_LongBodyCutInsideAnyElement_NoteShownAndAtAFixedPoint(string open, string close)
    {
        var html = "<p>Start</p>" + open + new string('y', LongBodies.MaxChars * 2) + close + "<p>AFTER</p>";

        var stored = LongBodies.Sanitize(html);

        Assert.EndsWith(LongBodies.Note, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("AFTER", stored, StringComparison.Ordinal);
        // The sanitiser closes what the cut left open (</p>, </td></tr></tbody></table>): a few characters more.
        Assert.InRange(stored.Length, 1, LongBodies.MaxChars + LongBodies.Note.Length + 64);
        Assert.Equal(stored, EmailBodies.Sanitize(stored));
    }
}
