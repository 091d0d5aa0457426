using System.Net;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Hosting;

/// <summary>
/// The headers a browser acts on: the pane's CSP under /addin (scripts from here and Office's CDN, styles only with the
/// answer's nonce, framed only by Outlook and, beside the emulator, the harness), nosniff and no Referer everywhere,
/// HSTS outside Development on HTTPS.
/// </summary>
public partial class SecurityHeadersTests(CrmApiFactory factory)
{
    private static readonly string[] OutlookHosts = ["https://outlook.office.com", "https://outlook.office365.com", "https://outlook.live.com", "https://*.cloud.microsoft"];

    private sealed class DevelopmentFactory : CrmApiFactory
    {
        protected override string EnvironmentName => "Development";
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive[(directive.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    private static void AssertEverywhereHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [GeneratedRegex("<meta property=\"csp-nonce\" nonce=\"([^\"]+)\"")]
    private static partial Regex MetaNonce();

    [Fact]
    public async Task Addin_TheTaskPane_HasTheStrictPolicy_WithAFreshNonceThePageCarries()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(new Uri("/addin/", UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetAsync(new Uri("/addin/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var policy = Directives(first.Headers.GetValues("Content-Security-Policy").Single());
        var nonce = MetaNonce().Match(html).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9+/]{22}==$", nonce);
        Assert.Contains($"<style nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__OUTLOOKCRM_CSP_NONCE__", html, StringComparison.Ordinal);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self' https://appsforoffice.microsoft.com", policy["script-src"]);
        Assert.Equal($"'self' 'nonce-{nonce}'", policy["style-src"]);
        Assert.Equal("'self' https://login.microsoftonline.com https://*.pipe.aria.microsoft.com", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["base-uri"]);
        // The test host serves the harness (the Graph emulator is on), which frames the pane from this origin.
        Assert.Equal(["'self'", .. OutlookHosts], policy["frame-ancestors"].Split(' '));
        Assert.DoesNotContain("unsafe", string.Join(' ', policy.Values), StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("X-Frame-Options"), "X-Frame-Options would stop Outlook framing the pane");
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        AssertEverywhereHeaders(first);
        var secondNonce = MetaNonce().Match(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        Assert.NotEqual(nonce, secondNonce);
        Assert.Contains($"'nonce-{secondNonce}'", second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/addin/events/launchevent.js")]
    [InlineData("/addin/events/commands.html")]
    [InlineData("/addin/office-loader.js")]
    [InlineData("/addin/manifest.xml")]
    [InlineData("/addin/harness.html")]
    public async Task Addin_EveryOtherAnswerUnderIt_HasThePolicyAndNosniff(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("'self' https://appsforoffice.microsoft.com", policy["script-src"]);
        Assert.Contains("https://outlook.office.com", policy["frame-ancestors"], StringComparison.Ordinal);
        AssertEverywhereHeaders(response);
    }

    [Fact]
    public async Task Api_AnsweredOrRefused_HasNosniffAndNoReferrer_AndNoPanePolicy()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var served = await rep.Http.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        var refused = await factory.CreateClient().GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        var missing = await factory.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.All([served, refused, missing], AssertEverywhereHeaders);
        Assert.False(served.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Hsts_OutsideDevelopment_OnHttps_ForAYear()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://crm.contoso.example") });

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Hsts_InDevelopment_None()
    {
        await using var development = new DevelopmentFactory();
        await development.InitializeAsync();
        var client = development.CreateClient(new() { BaseAddress = new Uri("https://crm.contoso.example") });

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        AssertEverywhereHeaders(response);
    }
}
