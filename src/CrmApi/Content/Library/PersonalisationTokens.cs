using System.Text;
using System.Text.RegularExpressions;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>One <c>{{path|fallback}}</c> in a template: where it is, what it names, what stands in when it has no value.</summary>
public sealed record Token(int Start, int Length, string Path, string? Fallback);

/// <summary>
/// The personalisation tokens of templates and snippets: <c>{{contact.firstName}}</c>, with an optional fallback
/// (<c>{{contact.firstName|there}}</c>). Parsing is strict — an unknown token or an unbalanced brace is an error
/// naming where it is — so a template never reaches a customer with a literal "{{contact.frstName}}" in it.
/// </summary>
public static partial class PersonalisationTokens
{
    public const int MaxFallbackLength = 100;

    /// <summary>Every token a template may use, by the record (or sender) it comes from.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "contact.firstName", "contact.lastName", "contact.fullName", "contact.email", "contact.jobTitle",
        "company.name", "company.domain",
        "deal.name", "deal.amount", "deal.stage", "deal.closeDate",
        "ticket.name", "ticket.status",
        "sender.name", "sender.firstName", "sender.email", "sender.meetingLink",
    ];

    [GeneratedRegex(@"^\s*(?<path>[A-Za-z]+\.[A-Za-z]+)\s*(\|(?<fallback>[^{}|]*))?$")]
    private static partial Regex TokenBody();

    /// <summary>The tokens of a text, or the first problem with it (null when there is none).</summary>
    public static (IReadOnlyList<Token> Tokens, string? Error) Parse(string text)
    {
        var tokens = new List<Token>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            var strayClose = text.IndexOf("}}", at, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                return (tokens, $"'}}}}' at position {strayClose} has no '{{{{' before it.");
            }
            if (open < 0)
            {
                break;
            }
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nextOpen = text.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                return (tokens, $"'{{{{' at position {open} is not closed with '}}}}'.");
            }
            var body = TokenBody().Match(text[(open + 2)..close]);
            if (!body.Success)
            {
                return (tokens, $"'{text[open..(close + 2)]}' at position {open} is not a token: write {{{{record.field}}}} or {{{{record.field|fallback}}}}.");
            }
            var path = body.Groups["path"].Value;
            var known = Known.FirstOrDefault(name => string.Equals(name, path, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return (tokens, $"Unknown token {{{{{path}}}}} at position {open}. Known: {string.Join(", ", Known)}.");
            }
            var fallback = body.Groups["fallback"].Success ? body.Groups["fallback"].Value.Trim() : null;
            if (fallback?.Length > MaxFallbackLength)
            {
                return (tokens, $"The fallback of {{{{{path}}}}} at position {open} is longer than {MaxFallbackLength} characters.");
            }
            tokens.Add(new Token(open, close + 2 - open, known, fallback));
            at = close + 2;
        }
        return (tokens, null);
    }

    /// <summary>
    /// The text with each token replaced by its value (encoded by <paramref name="encode"/>), else its fallback, else
    /// nothing; the paths with neither are reported as missing. The text must have parsed without error.
    /// </summary>
    public static string Render(string text, Func<string, string?> valueOf, Func<string, string> encode, ISet<string> missing)
    {
        var (tokens, error) = Parse(text);
        if (error is not null)
        {
            throw new InvalidOperationException($"Only parsed content is rendered: {error}");
        }
        var output = new StringBuilder(text.Length);
        var at = 0;
        foreach (var token in tokens)
        {
            output.Append(text, at, token.Start - at);
            var value = valueOf(token.Path);
            if (string.IsNullOrEmpty(value))
            {
                value = token.Fallback;
                if (string.IsNullOrEmpty(value))
                {
                    missing.Add(token.Path);
                }
            }
            output.Append(encode(value ?? ""));
            at = token.Start + token.Length;
        }
        output.Append(text, at, text.Length - at);
        return output.ToString();
    }
}
