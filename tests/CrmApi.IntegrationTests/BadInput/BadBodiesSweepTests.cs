using System.Net;
using System.Text;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.BadInput;

/// <summary>
/// Every /api route that takes a body (from the app's own endpoint list, so a new route is swept without editing
/// this file), given bodies no client should send: JSON nested far too deep, a body far too big, broken JSON, JSON
/// that is not an object, an object with a member the API does not know. Each is refused with problem details and a
/// 4xx naming what is wrong — never a 5xx — and the account is unchanged.
/// </summary>
public class BadBodiesSweepTests(CrmApiFactory factory)
{
    public static TheoryData<string> Kinds => ["nested 200 deep", "2 MB", "broken JSON", "an array", "a string", "null", "an unknown member"];

    private static string Body(string kind) => kind switch
    {
        "nested 200 deep" => "{\"name\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}",
        "2 MB" => "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}",
        "broken JSON" => "{\"name\": \"unterminated",
        "an array" => "[1,2,3]",
        "a string" => "\"text\"",
        "null" => "null",
        "an unknown member" => "{\"zzzUnknownMember\":\"x\"}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EveryRouteWithABody_RefusesItClearly_Never5xx(string kind)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Kept as it is" });
        var deal = await rep.CreateAsync("deal", new { name = "Kept deal" });
        var before = (await rep.GetAsync($"/api/records/contact/{contact}")).Text;
        var routes = factory.ApiRoutesWithJsonBodies().ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes take a JSON body");
        var swept = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            var path = pattern.Replace("{type}", "contact", StringComparison.Ordinal).Replace("{id}", contact.ToString(), StringComparison.Ordinal)
                .Replace("{trackingId}", "t-bad-body", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(Body(kind), Encoding.UTF8, "application/json") };
            using var response = await rep.Http.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;

            Assert.True(status is >= 400 and < 500, $"{method} {path} answered {status} to {kind}: {text[..Math.Min(300, text.Length)]}");
            // JSON bodies are capped at 1 MB before anything reads them (Hosting/Api/JsonBodyLimit).
            Assert.True(kind != "2 MB" || status == 413, $"{method} {path} answered {status} to {kind}, not 413");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path} answered {response.Content.Headers.ContentType} to {kind}");
            swept.Add($"{method} {pattern} {status}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{swept.Count} routes swept with {kind}: {string.Join(", ", swept.GroupBy(entry => entry[^3..]).Select(group => $"{group.Count()}× {group.Key}"))}; not 400: {string.Join(", ", swept.Where(entry => !entry.EndsWith("400", StringComparison.Ordinal)))}");
        Assert.Equal(before, (await rep.GetAsync($"/api/records/contact/{contact}")).Text);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/records/deal/{deal}")).Status);
        Assert.Single((await rep.GetAsync("/api/records/contact")).Json.GetProperty("items").EnumerateArray());
    }
}
