using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>The body of <c>POST /api/content</c> and <c>PATCH /api/content/{id}</c> (on PATCH a missing member is kept).</summary>
public sealed record ContentInput(
    string? Kind,
    string? Name,
    string? Subject,
    string? BodyHtml,
    string? Url,
    string? Sharing,
    Guid? TeamId,
    Guid? DealId,
    QuoteInput? Quote);

public sealed record QuoteInput(string? Currency, List<QuoteLineInput>? LineItems, DateTimeOffset? ExpiresAt);

public sealed record QuoteLineInput(string? Name, decimal? Quantity, decimal? UnitPrice);

/// <summary>An item's fields once checked: trimmed, the body sanitised, a quote's lines whole.</summary>
public sealed record ValidContent(string Kind, string Name, string? Subject, string? BodyHtml, string? Url, string Sharing, Guid? TeamId, Guid? DealId, QuoteDetails? Quote);

/// <summary>Checks an item's fields, naming every one at fault; what needs the database (team, deal) is checked by the caller.</summary>
public static class ContentValidator
{
    public const int MaxName = 200;
    public const int MaxSubject = 998;
    public const int MaxBody = 512 * 1024;
    public const int MaxUrl = 2048;
    public const int MaxLines = 100;

    public static ValidContent? Validate(ContentInput input, DateTimeOffset now, ValidationErrors errors)
    {
        var kind = input.Kind?.Trim();
        if (kind is null || !ContentKinds.All.Contains(kind))
        {
            errors.Add("kind", $"One of {string.Join(", ", ContentKinds.All)}.");
            return null;
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            errors.Add("name", $"Give a name of 1 to {MaxName} characters.");
        }
        var subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        if (subject is not null && kind != ContentKinds.Template)
        {
            errors.Add("subject", "Only a template has a subject.");
        }
        else if (subject?.Length > MaxSubject || (subject?.IndexOfAny(['\r', '\n']) ?? -1) >= 0)
        {
            errors.Add("subject", $"One line of at most {MaxSubject} characters.");
        }
        var body = string.IsNullOrWhiteSpace(input.BodyHtml) ? null : input.BodyHtml;
        if (body is null && kind is ContentKinds.Template or ContentKinds.Snippet)
        {
            errors.Add("bodyHtml", "A template or snippet needs its body (HTML).");
        }
        else if (body?.Length > MaxBody)
        {
            errors.Add("bodyHtml", $"At most {MaxBody / 1024} KB.");
        }
        if (ContentKinds.IsPersonalised(kind))
        {
            CheckTokens("subject", subject, errors);
            CheckTokens("bodyHtml", body, errors);
        }
        var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        if (url is not null && (url.Length > MaxUrl || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")))
        {
            errors.Add("url", "An absolute http or https address.");
        }
        else if (url is null && kind is ContentKinds.Meeting or ContentKinds.KnowledgeBase)
        {
            errors.Add("url", kind == ContentKinds.Meeting ? "Give the booking page's address." : "Give the article's address.");
        }
        else if (url is not null && kind is ContentKinds.Quote or ContentKinds.Template or ContentKinds.Snippet)
        {
            errors.Add("url", "This kind of content has no address of its own.");
        }
        var sharing = input.Sharing?.Trim() ?? ContentSharing.Private;
        if (!ContentSharing.All.Contains(sharing))
        {
            errors.Add("sharing", $"One of {string.Join(", ", ContentSharing.All)}.");
        }
        else if ((sharing == ContentSharing.Team) != (input.TeamId is not null))
        {
            errors.Add("teamId", sharing == ContentSharing.Team ? "Name the team it is shared with." : "A team is named only when sharing is \"team\".");
        }
        QuoteDetails? quote = null;
        if (kind == ContentKinds.Quote)
        {
            if (input.DealId is null)
            {
                errors.Add("dealId", "A quote belongs to a deal.");
            }
            quote = ValidateQuote(input.Quote, now, errors);
        }
        else if (input.Quote is not null || input.DealId is not null)
        {
            errors.Add(input.Quote is not null ? "quote" : "dealId", "Only a quote has a deal and lines.");
        }
        // The body is stored sanitised: what the pane inserts later is never more than what was checked here.
        return errors.Any ? null : new ValidContent(kind, name, subject, body is null ? null : EmailBodies.Sanitize(body), url, sharing, input.TeamId, input.DealId, quote);
    }

    private static void CheckTokens(string field, string? text, ValidationErrors errors)
    {
        if (text is not null && PersonalisationTokens.Parse(text).Error is { } error)
        {
            errors.Add(field, error);
        }
    }

    private static QuoteDetails? ValidateQuote(QuoteInput? input, DateTimeOffset now, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("quote", "Give the quote's currency, lines and expiry.");
            return null;
        }
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("quote.currency", "A three-letter ISO 4217 code, like EUR or USD.");
        }
        var lines = input.LineItems ?? [];
        if (lines.Count is 0 or > MaxLines)
        {
            errors.Add("quote.lineItems", $"Give 1 to {MaxLines} lines.");
        }
        var valid = new List<QuoteLine>();
        for (var i = 0; i < lines.Count && i < MaxLines; i++)
        {
            var line = lines[i];
            var lineName = line.Name?.Trim() ?? "";
            if (lineName.Length is 0 or > MaxName)
            {
                errors.Add($"quote.lineItems[{i}].name", $"Give a name of 1 to {MaxName} characters.");
            }
            if (line.Quantity is not (> 0 and <= 1_000_000))
            {
                errors.Add($"quote.lineItems[{i}].quantity", "More than 0 and at most 1,000,000.");
            }
            if (line.UnitPrice is not (>= 0 and <= 1_000_000_000))
            {
                errors.Add($"quote.lineItems[{i}].unitPrice", "0 or more, at most 1,000,000,000.");
            }
            valid.Add(new QuoteLine(lineName, line.Quantity ?? 0, line.UnitPrice ?? 0));
        }
        if (input.ExpiresAt is not { } expires || expires <= now)
        {
            errors.Add("quote.expiresAt", "A time in the future.");
        }
        return errors.Any ? null : new QuoteDetails(currency, valid, input.ExpiresAt!.Value);
    }
}
