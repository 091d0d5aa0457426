using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace OutlookCrm.CrmApi.Platform.Html;

/// <summary>
/// Email HTML is untrusted: it is sanitised (HtmlSanitizer's allow-list: no script, no event handlers, no javascript:
/// URLs, no forms) before it is stored, and the preview is plain text taken from the sanitised HTML. Nothing in it
/// loads from elsewhere when it is shown, so opening a logged email in the CRM never tells a sender it was read: remote
/// images become links, CSS that names a resource is dropped, and no attribute that fetches on its own is kept.
/// </summary>
public static class EmailBodies
{
    public const int PreviewLength = 200;

    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "datalist", "output"];

    // Attributes a browser fetches without a click (a picture's candidates, a table's background, a video's poster, IE's
    // lowsrc/dynsrc). The library's defaults allow none of them today; removed by name so a newer default cannot bring one in.
    private static readonly string[] FetchingAttributes = ["srcset", "background", "poster", "lowsrc", "dynsrc", "ping", "data"];

    // A CSS value that names a resource loads it when the email is shown (a tracking pixel in background-image, a
    // cursor, list-style-image, image-set() with bare strings): the whole declaration goes, the rest of the style
    // (colours, padding, widths: what real mail needs for its layout) stays. The library's own rule (no '<' or '>') is kept.
    private static readonly Regex ResourceInCss = new(@"[<>]|\b(url|image|image-set|cross-fade|element|src)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly HtmlSanitizer Sanitizer = Create();
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The sanitised HTML, at a fixed point: what it gives back reads back as itself. A sanitised tree can serialise to
    /// HTML that the parser rebuilds differently (an <c>a</c> holding a block and another <c>a</c>, found by the
    /// property tests) — the browser would then show a tree that was never checked, the ground of mutation XSS — so
    /// the output is sanitised again until it no longer changes.
    /// </summary>
    public static string Sanitize(string html)
    {
        var current = Sanitizer.Sanitize(html);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var again = Sanitizer.Sanitize(current);
            if (string.Equals(again, current, StringComparison.Ordinal))
            {
                return current;
            }
            current = again;
        }
        // Never seen: HTML that keeps changing is kept as its text only.
        return Sanitizer.Sanitize(System.Net.WebUtility.HtmlEncode(Parser.ParseDocument(current).Body?.TextContent ?? ""));
    }

    private const int MaxPasses = 4;

    /// <summary>
    /// A plain-text body as HTML: every character shown as written (a "&lt;" in text is not a tag) and every line kept.
    /// Graph answers in the message's own body type unless asked for HTML, so text is the fallback, not the rule.
    /// </summary>
    public static string FromText(string text) =>
        string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(System.Net.WebUtility.HtmlEncode));

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        foreach (var attribute in FetchingAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }
        // @import and @font-face fetch too; style elements are not allowed at all, this keeps it so in their rules.
        sanitizer.AllowedAtRules.Clear();
        sanitizer.DisallowCssPropertyValue = ResourceInCss;
        sanitizer.PostProcessNode += (_, e) =>
        {
            // href is a link on a and area only; on anything else it is noise at best, and in SVG's image a fetch.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: not ("a" or "area") } element && element.HasAttribute("href"))
            {
                element.RemoveAttribute("href");
            }
            if (e.Node is AngleSharp.Html.Dom.IHtmlImageElement image && image.Source is { } source
                && (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                var link = e.Document.CreateElement("a");
                link.SetAttribute("href", source);
                link.TextContent = string.IsNullOrWhiteSpace(image.AlternativeText) ? "[image]" : $"[image: {image.AlternativeText}]";
                e.ReplacementNodes.Add(link);
            }
            else if (e.Node is AngleSharp.Html.Dom.IHtmlImageElement other && other.HasAttribute("src"))
            {
                // Any other source left (relative, protocol-relative, or text a broken quote swallowed: found by the
                // property tests) would be fetched from somewhere when the email is shown; a logged email shows none.
                other.RemoveAttribute("src");
            }
        };
        return sanitizer;
    }

    // Elements that end a line on screen: their text must not run into the next one's ("Hi Megan,As promised").
    private const string LineBreaking = "p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6, blockquote, pre, table, ul, ol, hr";

    public static string Preview(string sanitizedHtml)
    {
        var document = Parser.ParseDocument(sanitizedHtml);
        foreach (var element in document.QuerySelectorAll(LineBreaking))
        {
            element.Parent?.InsertBefore(document.CreateTextNode(" "), element.NextSibling);
        }
        var text = document.Body?.TextContent ?? "";
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= PreviewLength ? collapsed : collapsed[..(PreviewLength - 1)] + "…";
    }
}
