using System.Net;
using OutlookCrm.CrmApi.Content.Library;

namespace OutlookCrm.CrmApi.Tests.Content;

public class PersonalisationTokensTests
{
    [Fact]
    public void Parse_TokensWithAndWithoutFallback_InAnyCase()
    {
        var (tokens, error) = PersonalisationTokens.Parse("Hi {{ contact.FIRSTNAME | there }}, from {{sender.name}}.");

        Assert.Null(error);
        Assert.Equal([("contact.firstName", "there"), ("sender.name", null)], tokens.Select(token => (token.Path, token.Fallback)));
        Assert.Equal(3, tokens[0].Start);
    }

    [Theory]
    [InlineData("Hi {{contact.frstName}}", "Unknown token {{contact.frstName}} at position 3")]
    [InlineData("Hi {{contact.firstName", "'{{' at position 3 is not closed")]
    [InlineData("Hi {{contact.firstName {{sender.name}}", "'{{' at position 3 is not closed")]
    [InlineData("Hi contact.firstName}}", "'}}' at position 20 has no '{{' before it")]
    [InlineData("Hi {{}}", "is not a token")]
    [InlineData("Hi {{firstName}}", "is not a token")]
    [InlineData("Hi {{contact.firstName|a|b}}", "is not a token")]
    public void Parse_Mistakes_AreNamedWithTheirPosition(string text, string expected)
    {
        var (_, error) = PersonalisationTokens.Parse(text);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextWithoutBraces_HasNoTokens() => Assert.Empty(PersonalisationTokens.Parse("Single { braces } are text").Tokens);

    [Fact]
    public void Render_ValuesEncoded_FallbackUsed_MissingReported()
    {
        var values = new Dictionary<string, string?> { ["contact.firstName"] = "<b>Megan</b>", ["company.name"] = null };
        var missing = new HashSet<string>();

        var html = PersonalisationTokens.Render("<p>Hi {{contact.firstName}} of {{company.name|your company}}, {{deal.amount}}</p>",
            path => values.GetValueOrDefault(path), WebUtility.HtmlEncode, missing);

        Assert.Equal("<p>Hi &lt;b&gt;Megan&lt;/b&gt; of your company, </p>", html);
        Assert.Equal(["deal.amount"], missing);
    }
}
