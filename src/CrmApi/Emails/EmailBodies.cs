using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace OutlookCrm.CrmApi.Emails;

/// <summary>
/// Email HTML is untrusted: it is sanitised (HtmlSanitizer's allow-list: no script, no event handlers, no
/// javascript: URLs) before it is stored, and the preview is plain text taken from the sanitised HTML.
/// </summary>
public static class EmailBodies
{
    public const int PreviewLength = 200;

    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly HtmlParser Parser = new();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    public static string Preview(string sanitizedHtml)
    {
        var text = Parser.ParseDocument(sanitizedHtml).Body?.TextContent ?? "";
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= PreviewLength ? collapsed : collapsed[..(PreviewLength - 1)] + "…";
    }
}
