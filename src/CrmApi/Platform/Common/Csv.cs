using System.Text;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field with a comma, quote or line break in double
/// quotes, a quote doubled), safe to open in a spreadsheet: a cell that begins with = + - @, a tab or a carriage return
/// gets a leading apostrophe, so Excel or Sheets shows it as text instead of running it as a formula (OWASP, "CSV
/// Injection"). The audit's explanations are typed by reps and its subjects come from strangers' emails.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Line(IEnumerable<string?> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }
            line.Append(Cell(cell));
        }
        return line.Append("\r\n").ToString();
    }

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0)
        {
            text = "'" + text;
        }
        return text.IndexOfAny(NeedQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
