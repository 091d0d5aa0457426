using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>A signed-in user of a fresh account (its own email domain, so its own tenant) talking to the API over HTTP.</summary>
public sealed class CrmClient(HttpClient http, Guid accountId, string email)
{
    public HttpClient Http { get; } = http;

    public Guid AccountId { get; } = accountId;

    public string Email { get; } = email;

    /// <summary>The Entra object id (oid) of the signed-in user: Graph's id of their own mailbox.</summary>
    public string ObjectId { get; init; } = "";

    /// <summary>The tenant (tid) of the signed-in user.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The bearer token it sends, if any.</summary>
    public string? Token => Http.DefaultRequestHeaders.Authorization?.Parameter;

    /// <summary>A caller with the given bearer token, or none: for the tests of authentication itself.</summary>
    public static CrmClient WithToken(CrmApiFactory factory, string? accessToken)
    {
        var http = factory.CreateClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return new CrmClient(http, Guid.Empty, "");
    }

    /// <summary>Both roles unless told: the tests of the routes themselves; the role sweep signs in with Crm.User alone.</summary>
    public static readonly string[] AdminRoles = ["Crm.User", "Crm.Admin"];

    public static async Task<CrmClient> SignInAsync(CrmApiFactory factory, string? email = null, string[]? roles = null)
    {
        email ??= $"rep@t{Guid.NewGuid():N}.example.com";
        var http = factory.CreateClient();
        var token = await http.PostAsJsonAsync("/dev/token", new { email, displayName = "Test Rep", roles = roles ?? AdminRoles });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var issued = await token.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
        var me = await http.GetFromJsonAsync<JsonElement>("/api/me");
        return new CrmClient(http, me.GetProperty("accountId").GetGuid(), email)
        {
            ObjectId = issued.GetProperty("objectId").GetString()!,
            TenantId = issued.GetProperty("tenantId").GetString()!,
        };
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Reply> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Guid> CreateAsync(string type, object body)
    {
        var reply = await PostAsync($"/api/records/{type}", body);
        Assert.True(reply.Status == HttpStatusCode.Created, $"creating a {type} gave {reply.Status}: {reply.Text}");
        return reply.Json.GetProperty("id").GetGuid();
    }

    public async Task AssociateAsync(Guid fromId, Guid toId, string? label = null)
    {
        var reply = await PostAsync("/api/associations", new { fromId, toId, label });
        Assert.True(reply.Status is HttpStatusCode.Created or HttpStatusCode.OK, reply.Text);
    }
}

/// <summary>An HTTP answer read whole, with helpers for problem details.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    /// <summary>Asserts an RFC 9457 answer of this status whose <c>errors</c> names the field.</summary>
    public void AssertProblem(HttpStatusCode status, string field)
    {
        Assert.True(status == Status, $"expected {status}, got {Status}: {Text}");
        Assert.Equal("application/problem+json", MediaType);
        var errors = Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"the problem does not name '{field}': {Text}");
        Assert.Equal((int)status, Json.GetProperty("status").GetInt32());
    }
}
