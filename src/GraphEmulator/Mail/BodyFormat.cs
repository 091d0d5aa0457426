using System.Net;
using System.Text.RegularExpressions;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// The body in the format a client asks for with <c>Prefer: outlook.body-content-type="text"</c> or <c>"html"</c>
/// (learn.microsoft.com graph/api/message-get): Graph converts the body and acknowledges with a matching
/// <c>Preference-Applied</c> header. Without the header the body comes in the format it was stored in.
/// </summary>
public static partial class BodyFormat
{
    public const string PreferenceAppliedHeader = "Preference-Applied";

    /// <summary><c>text</c> or <c>html</c> when the Prefer header asks for one, else null.</summary>
    public static string? Preferred(string? prefer) =>
        prefer is null ? null : PreferPattern().Match(prefer) is { Success: true } match ? match.Groups[1].Value.ToLowerInvariant() : null;

    public static string Applied(string preferred) => $"outlook.body-content-type=\"{preferred}\"";

    /// <summary>The body's content type and content, converted when another format was asked for.</summary>
    public static (string ContentType, string Content) Of(EmulatedMessage message, string? preferred) => (message.BodyContentType, preferred) switch
    {
        (BodyContentTypes.Html, BodyContentTypes.Text) => (BodyContentTypes.Text, Text(message.Body)),
        // The emulator's own rendering of a text body as HTML: escaped, each line ending in a break.
        (BodyContentTypes.Text, BodyContentTypes.Html) => (BodyContentTypes.Html,
            $"<html><body><div>{string.Join("<br>\r\n", message.Body.ReplaceLineEndings("\n").Split('\n').Select(WebUtility.HtmlEncode))}</div></body></html>"),
        _ => (message.BodyContentType, message.Body),
    };

    /// <summary>The text a reader sees of an HTML body: no head, styles, scripts or comments; breaks kept; entities decoded.</summary>
    public static string Text(string html)
    {
        var visible = Invisible().Replace(html, " ");
        visible = Breaks().Replace(visible, "\n");
        var text = WebUtility.HtmlDecode(Tags().Replace(visible, " "));
        return string.Join("\r\n", text.Split('\n').Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(line => line.Length > 0));
    }

    [GeneratedRegex("outlook\\.body-content-type\\s*=\\s*\"?(text|html)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex PreferPattern();

    [GeneratedRegex("<(head|style|script)\\b.*?</\\1\\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex("<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
