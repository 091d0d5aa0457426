using System.Net;
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
