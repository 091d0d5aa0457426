using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace OutlookCrm.CrmApi.Emails;

/// <summary>
/// Email HTML is untrusted: it is sanitised (HtmlSanitizer's allow-list: no script, no event handlers, no javascript:
/// URLs, no forms) before it is stored, and the preview is plain text taken from the sanitised HTML. Remote images
/// become links, so opening a logged email in the CRM never tells a sender it was read (tracking pixels).
/// </summary>
public static class EmailBodies
{
    public const int PreviewLength = 200;

    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "datalist", "output"];
    private static readonly HtmlSanitizer Sanitizer = Create();
    private static readonly HtmlParser Parser = new();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlImageElement image && image.Source is { } source
                && (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                var link = e.Document.CreateElement("a");
                link.SetAttribute("href", source);
                link.TextContent = string.IsNullOrWhiteSpace(image.AlternativeText) ? "[image]" : $"[image: {image.AlternativeText}]";
                e.ReplacementNodes.Add(link);
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
