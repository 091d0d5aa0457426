using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Hosting;

/// <summary>
/// <c>/admin</c>: the console's page at every path under it, with a policy of its own (no Office CDN, framed by nobody,
/// a fresh nonce per answer, never stored), and its sign-in settings.
/// </summary>
public partial class AdminConsoleHostingTests(CrmApiFactory factory)
{
    [GeneratedRegex("<meta property=\"csp-nonce\" nonce=\"([^\"]+)\"")]
    private static partial Regex MetaNonce();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/")]
    [InlineData("/admin/mailboxes")]
    [InlineData("/admin/privacy/")]
    public async Task EveryPathUnderAdmin_IsTheConsole_UnderItsOwnPolicy(string path)
    {
        var reply = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("<title>OutlookCrm admin console</title>", html, StringComparison.Ordinal);
        var nonce = MetaNonce().Match(html).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9+/]{22}==$", nonce);
        var policy = reply.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive[(directive.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal($"'self' 'nonce-{nonce}'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self' https://login.microsoftonline.com", policy["connect-src"]);
        Assert.DoesNotContain("unsafe", reply.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", reply.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", reply.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TwoAnswers_TwoNonces()
    {
        var client = factory.CreateClient();
        var first = await client.GetStringAsync(new Uri("/admin/", UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetStringAsync(new Uri("/admin/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.NotEqual(MetaNonce().Match(first).Groups[1].Value, MetaNonce().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task SignInSettings_TheDevIssuerHere_AndNoSecret()
    {
        var reply = await factory.CreateClient().GetAsync(new Uri("/admin/sign-in.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var config = JsonDocument.Parse(await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("dev", config.GetProperty("method").GetString());
        Assert.Equal(["authority", "clientId", "method", "scopes"], config.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
    }
}
