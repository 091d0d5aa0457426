using System.Text.Encodings.Web;
using CsCheck;
using OutlookCrm.CrmApi.Content.Library;

namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>Template text: any text parses to tokens or one error without throwing; values land encoded.</summary>
public class PersonalisationTokenProperties
{
    private static readonly Gen<string> TemplateText = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["{}| .abcontact.firstNamecompany.namedeal.amount<>&\"'"], 0, 80],
        Gen.Select(Gen.OneOf(PersonalisationTokens.Known.ToArray()), Gen.String[Gen.Char["ab <>|"], 0, 6], Gen.String[Gen.Char["ab <>{}"], 0, 10],
            (path, fallback, text) => $"{text}{{{{{path}|{fallback}}}}}{text}"));

    [Fact]
    public void The_committed_corpus_parses_or_names_one_error_and_renders_encoded()
    {
        var corpus = Fuzz.Corpus("tokens.txt");
        Assert.True(corpus.Count >= 10);
        foreach (var text in corpus)
        {
            AssertParsesOrRefuses(text);
        }
        Assert.Null(PersonalisationTokens.Parse(corpus[0]).Error);
        Assert.NotNull(PersonalisationTokens.Parse("{{contact.unknown}}").Error);
        Assert.NotNull(PersonalisationTokens.Parse("{{contact.firstName").Error);
    }

    [Fact]
    public void Any_text_parses_or_names_one_error_and_what_parses_renders_with_values_encoded()
    {
        TemplateText.Sample(AssertParsesOrRefuses, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    private static void AssertParsesOrRefuses(string text)
    {
        var (tokens, error) = PersonalisationTokens.Parse(text);
        if (error is not null)
        {
            Assert.Throws<InvalidOperationException>(() => PersonalisationTokens.Render(text, _ => "x", HtmlEncoder.Default.Encode, new HashSet<string>()));
            return;
        }
        var missing = new HashSet<string>();
        var rendered = PersonalisationTokens.Render(text, _ => "<script>alert(1)</script>", HtmlEncoder.Default.Encode, missing);
        Assert.Empty(missing);
        Assert.Equal(tokens.Count, CountOf(rendered, "&lt;script&gt;") - CountOf(text, "&lt;script&gt;"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
