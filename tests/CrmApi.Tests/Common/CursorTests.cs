using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Common;

public class CursorTests
{
    private static readonly Guid Id = Guid.Parse("01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f");

    [Fact]
    public void Encode_ThenDecodeInTheSameScope_GivesTheSamePosition()
    {
        var text = new Cursor("638712345678901234", Id).Encode("timeline:a");

        Assert.True(Cursor.TryDecode(text, "timeline:a", out var cursor));
        Assert.Equal(new Cursor("638712345678901234", Id), cursor);
    }

    [Fact]
    public void TryDecode_SortKeyWithSeparatorsAndUnicode_RoundTrips()
    {
        var text = new Cursor("Zoë\nline two", Id).Encode("records:x:q with\nnewline");

        Assert.True(Cursor.TryDecode(text, "records:x:q with\nnewline", out var cursor));
        Assert.Equal("Zoë\nline two", cursor!.Value.SortKey);
    }

    [Fact]
    public void TryDecode_FromAnotherScope_Refused()
    {
        var text = new Cursor("1", Id).Encode("timeline:a");

        Assert.False(Cursor.TryDecode(text, "timeline:b", out _));
    }

    [Fact]
    public void TryDecode_AnyCharacterChanged_Refused()
    {
        var text = new Cursor("638712345678901234", Id).Encode("timeline:a");
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(text.AsSpan(0, i), replacement.ToString(), text.AsSpan(i + 1));

            Assert.False(Cursor.TryDecode(tampered, "timeline:a", out _), $"a change at {i} was accepted");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("AAAA")]
    [InlineData("eyJhIjoxfQ")]
    public void TryDecode_Garbage_Refused(string text)
    {
        Assert.False(Cursor.TryDecode(text, "timeline:a", out _));
    }
}
