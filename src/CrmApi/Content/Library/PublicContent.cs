using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>
/// What a customer opens from an email: a quote's page (<c>/quotes/{token}</c>). Anonymous by design; the token is
/// 24 random bytes, the only way to the page. Every value is HTML-encoded and the page runs no script (CSP).
/// </summary>
public static class PublicContent
{
    public const string QuotePath = "/quotes";
    public const string FilePath = "/files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplication MapPublicContent(this WebApplication app)
    {
        app.MapGet($"{QuotePath}/{{token}}", QuotePageAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> QuotePageAsync(string token, ContentStore store, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var row = token.Length is > 0 and <= 64 ? await store.GetByPublicTokenAsync(token, ct) : null;
        if (row is not { Kind: ContentKinds.Quote })
        {
            return Results.NotFound();
        }
        var quote = JsonSerializer.Deserialize<QuoteDetails>(row.Details, Json)!;
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(QuoteHtml(row.Name, quote, clock.GetUtcNow()), "text/html; charset=utf-8");
    }

    public static string QuoteHtml(string name, QuoteDetails quote, DateTimeOffset now)
    {
        string Money(decimal amount) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {quote.Currency}";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Quote: {WebUtility.HtmlEncode(name)}</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem}table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}td.n,th.n{text-align:right}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Quote: {WebUtility.HtmlEncode(name)}</h1>");
        html.Append(quote.ExpiresAt <= now
            ? "<p><strong>This quote has expired.</strong></p>"
            : $"<p>Valid until {WebUtility.HtmlEncode(quote.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))}.</p>");
        html.Append("<table><thead><tr><th>Item</th><th class=\"n\">Quantity</th><th class=\"n\">Unit price</th><th class=\"n\">Amount</th></tr></thead><tbody>");
        foreach (var line in quote.LineItems)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(line.Name)}</td><td class=\"n\">{line.Quantity.ToString("0.##", CultureInfo.InvariantCulture)}</td><td class=\"n\">{Money(line.UnitPrice)}</td><td class=\"n\">{Money(line.Amount)}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"n\">{Money(quote.Total)}</th></tr></tfoot></table></body></html>");
        return html.ToString();
    }
}
