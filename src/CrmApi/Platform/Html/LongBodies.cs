using System.Diagnostics.Metrics;

namespace OutlookCrm.CrmApi.Platform.Html;

/// <summary>
/// Email HTML is cut at <see cref="MaxChars"/> (512 K characters, about 512 KB: typical business mail is 15 KB) before it
/// is sanitised, so one enormous message cannot hold the parser, the writer or the timeline. The cut never ends inside
/// a tag or between the halves of a character; what is kept is sanitised, then a visible note is added and the whole
/// sanitised again (the note after sanitised HTML is a paragraph, never text swallowed by an open element). Each cut is
/// counted (<c>outlookcrm.email.bodies.cut</c>).
/// </summary>
public static class LongBodies
{
    public const int MaxChars = 512 * 1024;

    public const string Note = "<p><em>[This email was longer than OutlookCrm keeps: only its beginning is shown.]</em></p>";

    private static readonly Meter Meter = new("OutlookCrm.Email");
    private static readonly Counter<long> CutCount = Meter.CreateCounter<long>("outlookcrm.email.bodies.cut");

    /// <summary>The sanitised body, cut first when longer than <see cref="MaxChars"/>.</summary>
    public static string Sanitize(string html)
    {
        if (html.Length <= MaxChars)
        {
            return EmailBodies.Sanitize(html);
        }
        CutCount.Add(1);
        return EmailBodies.Sanitize(EmailBodies.Sanitize(Cut(html)) + Note);
    }

    /// <summary>The first <see cref="MaxChars"/> characters at most, ending before any tag it would split.</summary>
    public static string Cut(string html)
    {
        if (html.Length <= MaxChars)
        {
            return html;
        }
        var end = char.IsLowSurrogate(html[MaxChars]) ? MaxChars - 1 : MaxChars;
        var lastOpen = html.LastIndexOf('<', end - 1);
        if (lastOpen > html.LastIndexOf('>', end - 1))
        {
            end = lastOpen;
        }
        return html[..end];
    }
}
