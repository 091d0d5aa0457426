using System.Net;
using System.Text;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.BadInput;

/// <summary>
/// JSON bodies are capped at 1 MB: a larger one is refused with 413 problem details naming <c>body</c>, whether it
/// declares its length or streams in chunks, on /api and on the public JSON routes alike; one just under the cap is read
/// as usual. (Every /api route with a JSON body is swept with 2 MB in BadBodiesSweepTests.)
/// </summary>
public class JsonBodyLimitTests(CrmApiFactory factory)
{
    private static string Contact(int nameLength) => "{\"name\":\"" + new string('x', nameLength) + "\"}";

    private static async Task<(HttpStatusCode Status, JsonElement? Problem)> PostAsync(HttpClient http, string path, string json, bool chunked)
    {
        HttpContent content = chunked
            ? new StreamContent(new ChunkedOnly(Encoding.UTF8.GetBytes(json)))
            : new StringContent(json, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonDocument.Parse(text).RootElement : null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task JsonBodyOverOneMegabyte_413ProblemNamingBody_NothingCreated(bool chunked)
    {
        var rep = await CrmClient.SignInAsync(factory);

        var (status, problem) = await PostAsync(rep.Http, "/api/records/contact", Contact(1_100_000), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(problem?.GetProperty("errors").TryGetProperty("body", out _), "no errors.body");
        Assert.Empty((await rep.GetAsync("/api/records/contact")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task JsonBodyJustUnderTheCap_ReadAsUsual()
    {
        var rep = await CrmClient.SignInAsync(factory);

        // Read and judged by the route (a name that long is refused as a name, not as a body too large).
        var (status, problem) = await PostAsync(rep.Http, "/api/records/contact", Contact(1_000_000), chunked: true);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(problem?.GetProperty("errors").TryGetProperty("body", out _), "refused as a body");
    }

    [Fact]
    public async Task PublicJsonRoute_OverTheCap_413()
    {
        using var http = factory.CreateClient();

        var (status, _) = await PostAsync(http, "/dev/token", "{\"email\":\"" + new string('a', 1_100_000) + "@x.example.com\"}", chunked: false);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    /// <summary>A body of unknown length, so it travels in chunks with no Content-Length to refuse it by.</summary>
    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
