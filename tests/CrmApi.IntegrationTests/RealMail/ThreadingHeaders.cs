using System.Text;

namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>
/// Makes a real message a reply to one of ours by rewriting only its threading headers, as its client would have written
/// them (RFC 5322 §3.6.4): In-Reply-To names our message; References keeps what it had and ends with ours. A message
/// that carried only References keeps only References (the References-only replies of older clients); one that carried
/// neither — auto-replies and reports — gets both, as RFC 3834 §3.1.5 asks of automatic responses. Every other byte of
/// the message is kept as it was: its odd encodings, 8-bit headers and line ends are the point.
/// </summary>
public static class ThreadingHeaders
{
    public static byte[] AsReplyTo(byte[] message, string parentMessageId)
    {
        // Latin-1 maps every byte to one char and back: the message's bytes survive whatever its charset.
        var text = Encoding.Latin1.GetString(message);
        var (headerEnd, newline) = HeaderBlockEnd(text);
        var fields = Fields(text[..headerEnd], newline);
        var inReplyTo = fields.FindIndex(field => Is(field, "In-Reply-To"));
        var references = fields.FindIndex(field => Is(field, "References"));
        var oldReferences = references < 0 ? "" : Value(fields[references]);
        var writeInReplyTo = inReplyTo >= 0 || references < 0;
        var insertAt = new[] { inReplyTo, references }.Where(index => index >= 0).DefaultIfEmpty(fields.Count).Min();
        fields.RemoveAll(field => Is(field, "In-Reply-To") || Is(field, "References"));
        insertAt = Math.Min(insertAt, fields.Count);
        var threading = new List<string> { $"References: {$"{oldReferences} {parentMessageId}".Trim()}{newline}" };
        if (writeInReplyTo)
        {
            threading.Insert(0, $"In-Reply-To: {parentMessageId}{newline}");
        }
        fields.InsertRange(insertAt, threading);
        return Encoding.Latin1.GetBytes(string.Concat(fields) + text[headerEnd..]);
    }

    /// <summary>The message with no In-Reply-To and no References: only its subject still says "Re:".</summary>
    public static byte[] Without(byte[] message)
    {
        var text = Encoding.Latin1.GetString(message);
        var (headerEnd, newline) = HeaderBlockEnd(text);
        var fields = Fields(text[..headerEnd], newline);
        fields.RemoveAll(field => Is(field, "In-Reply-To") || Is(field, "References"));
        return Encoding.Latin1.GetBytes(string.Concat(fields) + text[headerEnd..]);
    }

    /// <summary>Where the header block ends (the start of the empty line, or the end of a message that is all headers) and its line end.</summary>
    private static (int End, string Newline) HeaderBlockEnd(string text)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (text.StartsWith(newline, StringComparison.Ordinal))
        {
            return (0, newline);
        }
        var blank = text.IndexOf(newline + newline, StringComparison.Ordinal);
        return (blank < 0 ? text.Length : blank + newline.Length, newline);
    }

    /// <summary>Each field with its folded continuation lines and its line end, in order.</summary>
    private static List<string> Fields(string block, string newline)
    {
        var fields = new List<string>();
        foreach (var line in block.Split(newline).Where(line => line.Length > 0).Select(line => line + newline))
        {
            if (fields.Count > 0 && line[0] is ' ' or '\t')
            {
                fields[^1] += line;
            }
            else
            {
                fields.Add(line);
            }
        }
        return fields;
    }

    private static bool Is(string field, string name) =>
        field.StartsWith(name, StringComparison.OrdinalIgnoreCase) && field.AsSpan(name.Length).TrimStart(' ').StartsWith(":");

    private static string Value(string field) => string.Join(' ', field[(field.IndexOf(':') + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
