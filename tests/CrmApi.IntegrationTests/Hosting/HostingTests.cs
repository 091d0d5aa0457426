using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Hosting;

public class HostingTests(CrmApiFactory factory)
{
    private async Task<(HttpStatusCode Status, string Text, string? MediaType, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.MediaType, response);
    }

    [Fact]
    public async Task Landing_LinksThePaneInTheSimulatedOutlook_TheAdminConsoleAndTheApi()
    {
        var (status, text, mediaType, _) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", mediaType);
        // The test host serves the harness (beside the emulator): a compose and a read example with the demo's people.
        Assert.Contains("href=\"/addin/harness.html?from=alex@contoso.com&to=megan.bowen@fabrikam.com", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/addin/harness.html?mode=read&from=megan.bowen@fabrikam.com&to=alex@contoso.com&user=alex@contoso.com", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/\"", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/addin/manifest.xml\"", text, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addin_ServesTheBuiltTaskPaneAndItsAssets()
    {
        var (status, html, mediaType, response) = await GetAsync("/addin/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", mediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/addin/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        var (assetStatus, _, assetType, assetResponse) = await GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, assetStatus);
        Assert.Equal("text/javascript", assetType);
        Assert.True(assetResponse.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiRouteWithBearerAuth()
    {
        var (status, text, _, _) = await GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var document = JsonDocument.Parse(text).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/lookup", paths);
        Assert.Contains("/api/records/{type}/{id}/timeline", paths);
        Assert.Contains("/api/associations", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Health_NamesTheDatabase()
    {
        var (status, text, _, _) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sqlite", JsonDocument.Parse(text).RootElement.GetProperty("database").GetString());
    }

    [Fact]
    public async Task UnknownRoute_ProblemDetails()
    {
        var (status, _, mediaType, _) = await GetAsync("/api-nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
    }
}
