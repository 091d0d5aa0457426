using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>The emulator's Graph surface called as raw HTTP, so a test sees the JSON exactly as Graph's clients get it.</summary>
public sealed class EmulatorGraph(CrmApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    public async Task<string> MailboxAsync() => await new Emulator(factory).MailboxAsync();

    /// <summary>A raw RFC 5322 message delivered to the Inbox; the new message's Graph id.</summary>
    public async Task<string> DeliverMimeAsync(string address, string mime) =>
        await DeliverMimeAsync(address, Encoding.UTF8.GetBytes(mime));

    public async Task<string> DeliverMimeAsync(string address, byte[] mime)
    {
        var (status, text) = await new Emulator(factory).DeliverMimeAsync(address, mime);
        Assert.True(status == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A Graph call (path under <c>/v1.0</c>); the body's JSON, or default for none.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path, object? body = null, string? prefer = null)
    {
        using var request = new HttpRequestMessage(method, $"/_emulator/graph/v1.0{path}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string path, string? prefer = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, path, prefer: prefer);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {json}");
        return json;
    }

    /// <summary>A GET with a Prefer header; the JSON and the Preference-Applied header Graph acknowledges it with.</summary>
    public async Task<(JsonElement Json, string? PreferenceApplied)> GetPreferringAsync(string path, string prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/_emulator/graph/v1.0{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        request.Headers.Add("Prefer", prefer);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (json, response.Headers.TryGetValues("Preference-Applied", out var values) ? values.Single() : null);
    }

    /// <summary>The link's path and query under <c>/v1.0</c>, to follow an <c>@odata.nextLink</c> or <c>@odata.deltaLink</c>.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery[new Uri(link).PathAndQuery.IndexOf("/users/", StringComparison.Ordinal)..];
}
