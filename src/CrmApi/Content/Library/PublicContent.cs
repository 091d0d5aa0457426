using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OutlookCrm.CrmApi.Platform.RateLimits;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>
/// What a customer opens from an email: a quote's page (<c>/quotes/{token}</c>). Anonymous by design; the token is
/// 24 random bytes, the only way to the page, and its owner can replace it (rotate-link). Every value is HTML-encoded;
/// the page runs no script, loads nothing, and no other site may frame it (CSP, X-Frame-Options). An expired quote is
/// gone (410) and shows no prices: they are no longer on offer. Rate-limited per remote address.
/// </summary>
public static class PublicContent
{
    public const string QuotePath = "/quotes";
    public const string FilePath = "/files";

    private const string Css = "body{font-family:system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem}table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}td.n,th.n{text-align:right}";

    // The page's one style element, allowed by its hash: no 'unsafe-inline' even for styles.
    private static readonly string Policy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplication MapPublicContent(this WebApplication app)
    {
        app.MapGet($"{QuotePath}/{{token}}", QuotePageAsync).AllowAnonymous().RequireRateLimiting(AddressRateLimit.Policy).ExcludeFromDescription();
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
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.CacheControl = "no-store";
        return quote.ExpiresAt <= clock.GetUtcNow()
            ? Results.Content(ExpiredHtml(row.Name), "text/html; charset=utf-8", statusCode: StatusCodes.Status410Gone)
            : Results.Content(QuoteHtml(row.Name, quote), "text/html; charset=utf-8");
    }

    public static string ExpiredHtml(string name) =>
        $"{Head(name)}<h1>Quote: {WebUtility.HtmlEncode(name)}</h1><p><strong>This quote has expired.</strong> Ask the sender for a new one.</p></body></html>";

    public static string QuoteHtml(string name, QuoteDetails quote)
    {
        string Money(decimal amount) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {quote.Currency}";
        var html = new StringBuilder(Head(name));
        html.Append(CultureInfo.InvariantCulture, $"<h1>Quote: {WebUtility.HtmlEncode(name)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Valid until {WebUtility.HtmlEncode(quote.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))}.</p>");
        html.Append("<table><thead><tr><th>Item</th><th class=\"n\">Quantity</th><th class=\"n\">Unit price</th><th class=\"n\">Amount</th></tr></thead><tbody>");
        foreach (var line in quote.LineItems)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(line.Name)}</td><td class=\"n\">{line.Quantity.ToString("0.##", CultureInfo.InvariantCulture)}</td><td class=\"n\">{Money(line.UnitPrice)}</td><td class=\"n\">{Money(line.Amount)}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"n\">{Money(quote.Total)}</th></tr></tfoot></table></body></html>");
        return html.ToString();
    }

    private static string Head(string name) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + $"<title>Quote: {WebUtility.HtmlEncode(name)}</title><style>{Css}</style></head><body>";
}
