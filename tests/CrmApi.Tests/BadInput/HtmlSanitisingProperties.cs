using AngleSharp.Html.Parser;
using CsCheck;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>
/// Email HTML through the sanitiser: nothing that can run survives (no script-bearing element, no event handler, no
/// script URL in any attribute), nothing loads from elsewhere when it is shown (a tracking pixel in CSS, a srcset, a
/// background or poster), and sanitising what was sanitised changes nothing. The XSS corpus first, each vector a case,
/// then HTML put together at random from the same kinds of pieces.
/// </summary>
public class HtmlSanitisingProperties
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "form", "input", "button", "style", "link", "meta", "base", "frame", "frameset", "applet", "template", "noscript"];
    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "data:text/html", "livescript:"];

    // Attributes a browser follows or loads as a URL, and style (a title or alt that reads "javascript:" is only text).
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "background", "data", "srcdoc", "poster", "cite", "longdesc", "lowsrc", "dynsrc", "srcset", "style"];

    // Attributes a browser fetches on its own, whatever element carries them; and the elements whose src (or data, or
    // an SVG image's href) is fetched when shown. A link's href is not: only a click follows it.
    private static readonly string[] FetchedAttributes = ["srcset", "background", "poster", "lowsrc", "dynsrc", "ping"];
    private static readonly string[] FetchingElements = ["img", "image", "picture", "source", "video", "audio", "track", "input", "embed", "object", "iframe", "frame", "script"];
    private static readonly string[] CssResources = ["url(", "image(", "image-set(", "cross-fade(", "element(", "@import"];

    /// <summary>What the HTML would fetch from elsewhere when shown (a read receipt a sender did not ask us for), or null.</summary>
    private static string? Loads(string html)
    {
        var document = Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        foreach (var element in document.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            var name = element.LocalName.ToLowerInvariant();
            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.LocalName.ToLowerInvariant();
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
                var loads = attributeName switch
                {
                    "style" => CssResources.Any(value.Contains),
                    "src" or "data" or "href" when FetchingElements.Contains(name) => value.Contains("//", StringComparison.Ordinal),
                    _ => FetchedAttributes.Contains(attributeName) && value.Length > 0,
                };
                if (loads)
                {
                    return $"{name}@{attribute.Name}={attribute.Value}";
                }
            }
        }
        return null;
    }

    /// <summary>Why the HTML could run something, or null.</summary>
    private static string? Executable(string html)
    {
        var document = Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        foreach (var element in document.All)
        {
            var name = element.LocalName.ToLowerInvariant();
            if (ForbiddenElements.Contains(name))
            {
                return $"<{name}>";
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    return $"{name}@{attribute.LocalName}";
                }
                // Browsers drop tabs, newlines and leading spaces inside a URL's scheme.
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                var attributeName = attribute.Name.ToLowerInvariant();
                var runs = attributeName switch
                {
                    // CSS: script URLs and IE's expression() anywhere in it.
                    "style" => value.Contains("expression(", StringComparison.OrdinalIgnoreCase) || ScriptSchemes.Any(scheme => value.Contains(scheme, StringComparison.OrdinalIgnoreCase)),
                    // A URL runs script by its scheme: what it starts with (each candidate of a srcset).
                    _ when UrlAttributes.Contains(attributeName) || UrlAttributes.Contains(attribute.LocalName.ToLowerInvariant()) =>
                        value.Split(',').Any(url => ScriptSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))),
                    _ => false,
                };
                if (runs)
                {
                    return $"{name}@{attribute.LocalName}={attribute.Value}";
                }
            }
        }
        return null;
    }

    private static void AssertSafeAndStable(string html)
    {
        var once = EmailBodies.Sanitize(html);
        Assert.True(Executable(once) is null, $"'{Executable(once)}' survived sanitising {html} as {once}");
        Assert.True(Loads(once) is null, $"'{Loads(once)}' would load from elsewhere after sanitising {html} as {once}");
        Assert.Equal(once, EmailBodies.Sanitize(once));
    }

    public static TheoryData<string> XssCorpus() => [.. Fuzz.Corpus("xss.txt")];

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void An_XSS_corpus_vector_leaves_nothing_executable_or_loading_and_sanitising_twice_changes_nothing(string vector) =>
        AssertSafeAndStable(vector);

    [Fact]
    public void The_XSS_corpus_run_together_as_one_email_leaves_nothing_executable_or_loading()
    {
        var corpus = Fuzz.Corpus("xss.txt");
        Assert.True(corpus.Count >= 75, $"the corpus has {corpus.Count} vectors");
        AssertSafeAndStable(string.Join("\n", corpus));
    }

    [Fact]
    public void Inline_styles_for_layout_are_kept_and_only_the_declarations_naming_a_resource_go()
    {
        var html = EmailBodies.Sanitize("<table><tr><td style=\"padding:8px;color:#333333;background:#fff url(https://tracker.example/pixel.gif);width:50%\">Hi</td></tr></table><p style=\"color:red\">Red</p>");

        Assert.Contains("padding: 8px", html, StringComparison.Ordinal);
        Assert.Contains("width: 50%", html, StringComparison.Ordinal);
        Assert.Contains("color: rgba(51, 51, 51, 1)", html, StringComparison.Ordinal);
        Assert.Contains("<p style=\"color: rgba(255, 0, 0, 1)\">Red</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_HTML_from_hostile_pieces_leaves_nothing_executable_and_is_stable()
    {
        var tags = Gen.OneOf("p", "div", "a", "img", "svg", "math", "table", "td", "script", "iframe", "style", "form", "input", "b", "span", "object", "details", "video", "source", "noscript", "template", "textarea");
        var attributes = Gen.OneOf("href", "src", "onerror", "onclick", "style", "xlink:href", "action", "formaction", "srcdoc", "data", "background", "title", "alt", "ONLOAD", "srcset", "poster");
        var values = Gen.OneOf("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)", " javascript:alert(1)", "vbscript:x", "data:text/html,<script>alert(1)</script>",
            "https://example.com", "x", "alert(1)", "background:url(javascript:alert(1))", "background-image:url(https://tracker.example/pixel.gif)", "https://tracker.example/pixel.gif 2x", "width:expression(alert(1))", "\"><script>alert(1)</script>", "");
        var attribute = Gen.Select(attributes, values, Gen.OneOf("\"", "'", ""), (name, value, quote) => $" {name}={quote}{value}{quote}");
        var element = Gen.Select(tags, attribute.Array[0, 3], Gen.String[Gen.Char["abc <>&\"'/=;:()"], 0, 12], Gen.Bool,
            (tag, attrs, text, closed) => $"<{tag}{string.Concat(attrs)}>{text}{(closed ? $"</{tag}>" : "")}");
        var html = element.Array[1, 8].Select(string.Concat);

        html.Sample(AssertSafeAndStable, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Any_text_at_all_sanitises_without_throwing_to_something_safe()
    {
        Gen.String.Sample(AssertSafeAndStable, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }
}
