using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.BadInput;

/// <summary>
/// SQL's own syntax in the text fields that reach queries — a record's name, search, content names and bodies, the
/// lookup's addresses: stored and found as the literal text it is, LIKE's wildcards included, and nothing else
/// touched. Every statement is parameterised; this shows it from the outside.
/// </summary>
public class SqlInjectionTests(CrmApiFactory factory)
{
    public static TheoryData<string> Attacks =>
    [
        "'; DROP TABLE records; --",
        "' OR '1'='1",
        "\" OR \"\"=\"",
        "Robert'); DELETE FROM emails;--",
        "1; SELECT * FROM users",
        "%",
        "_",
        "\\",
        "%' OR name LIKE '%",
        "x' UNION SELECT id, name FROM accounts --",
        "]]>[[",
    ];

    /// <summary>
    /// Every string of every JSON route's sample body (SampleBodies, the tenancy sweep's), one at a time, replaced by
    /// SQL: answered 2xx or a 4xx with problem details, never a 5xx; the account's records are intact afterwards.
    /// </summary>
    [Fact]
    public async Task Every_text_field_of_every_route_takes_SQL_as_plain_text()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        var own = new Dictionary<string, Guid>();
        foreach (var type in new[] { "contact", "company", "deal", "ticket", "project" })
        {
            own[type] = await rep.CreateAsync(type, new { name = $"Own {type}" });
        }
        string[] attacks = ["'; DROP TABLE records; --", "' OR '1'='1", "%' OR 1=1 --"];
        var sent = 0;

        foreach (var (method, pattern) in factory.ApiRoutesWithJsonBodies())
        {
            Assert.True(SampleBodies.ByRoute.TryGetValue($"{method} {pattern}", out var sample), $"no sample body for {method} {pattern}");
            foreach (var (name, id) in own)
            {
                sample = sample.Replace($"{{own:{name}}}", id.ToString(), StringComparison.Ordinal).Replace($"{{victim:{name}}}", id.ToString(), StringComparison.Ordinal);
            }
            var path = pattern.Replace("{type}", "contact", StringComparison.Ordinal).Replace("{id}", own["contact"].ToString(), StringComparison.Ordinal)
                .Replace("{trackingId}", "t-sql", StringComparison.Ordinal);
            var strings = StringLeaves(JsonNode.Parse(sample)!).Count;
            for (var leaf = 0; leaf < strings; leaf++)
            {
                foreach (var attack in attacks)
                {
                    var body = JsonNode.Parse(sample)!;
                    StringLeaves(body)[leaf].ReplaceWith(attack);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
                    using var response = await rep.Http.SendAsync(request, TestContext.Current.CancellationToken);
                    var status = (int)response.StatusCode;
                    Assert.True(status < 500, $"{method} {path} answered {status} to {body.ToJsonString()}");
                    Assert.True(status < 400 || response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path} answered {status} without problem details");
                    sent++;
                }
            }
        }

        Assert.True(sent >= 60, $"only {sent} requests were sent");
        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} requests, each with SQL in one text field");
        foreach (var (type, id) in own.Where(record => record.Key != "contact"))
        {
            Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/records/{type}/{id}")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/records/deal")).Status);
    }

    /// <summary>The string values of a JSON document, depth first (ids included: a Guid field given SQL must be refused).</summary>
    private static List<JsonValue> StringLeaves(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => property.Value is null ? [] : StringLeaves(property.Value)).ToList(),
        JsonArray array => array.SelectMany(item => item is null ? [] : StringLeaves(item)).ToList(),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Text_with_SQL_in_it_is_stored_and_found_literally_and_touches_nothing_else(string attack)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var bystander = await rep.CreateAsync("company", new { name = "Bystander Ltd" });
        var company = await rep.CreateAsync("company", new { name = $"Acme {attack}" });
        var snippet = await rep.PostAsync("/api/content", new { kind = "snippet", name = $"Snippet {attack}", bodyHtml = $"<p>Body {attack}</p>", sharing = "private" });
        Assert.Equal(HttpStatusCode.Created, snippet.Status);

        Assert.Equal($"Acme {attack}", (await rep.GetAsync($"/api/records/company/{company}")).Json.GetProperty("name").GetString());
        var found = (await rep.GetAsync($"/api/search?q={Uri.EscapeDataString(attack)}")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([company], found);
        var listed = await rep.GetAsync($"/api/records/company?q={Uri.EscapeDataString(attack)}");
        Assert.Equal([company], listed.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        var library = await rep.GetAsync($"/api/content?q={Uri.EscapeDataString(attack)}");
        Assert.Equal(HttpStatusCode.OK, library.Status);
        Assert.Equal([$"Snippet {attack}"], library.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()));
        var lookup = await rep.GetAsync($"/api/lookup?email={Uri.EscapeDataString(attack)}");
        lookup.AssertProblem(HttpStatusCode.BadRequest, "email[0]");

        // Nothing else was touched: the other record is there, and the account still has exactly its two companies.
        Assert.Equal("Bystander Ltd", (await rep.GetAsync($"/api/records/company/{bystander}")).Json.GetProperty("name").GetString());
        Assert.Equal(2, (await rep.GetAsync("/api/records/company")).Json.GetProperty("items").GetArrayLength());
    }
}
