using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Records;

/// <summary>A type's list (<c>/api/records/{type}?q=</c>) and the search across types (<c>/api/search?q=</c>) find by one rule.</summary>
public class RecordSearchTests(CrmApiFactory factory)
{
    [Theory]
    [InlineData("wind TRAD", "company")] // the name holds it, in any case
    [InlineData("Pat.Doe@North", "contact")] // an address starts with it, in any case
    [InlineData("doe@", null)] // ... but not in its middle
    [InlineData("northwind.ex", "company")] // a domain starts with it
    [InlineData("example.com", null)] // ... but not in its middle
    public async Task Search_TypeListAndEveryType_FindTheSameRecords(string query, string? foundType)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var pat = await rep.CreateAsync("contact", new { name = "Pat Doe", emails = new[] { new { address = "pat.doe@northwind.example.com", primary = true } } });
        var northwind = await rep.CreateAsync("company", new { name = "Northwind Traders", domain = "northwind.example.com" });
        var q = Uri.EscapeDataString(query);

        var everyType = await IdsAsync(rep, $"/api/search?q={q}");
        var typeLists = (await IdsAsync(rep, $"/api/records/contact?q={q}")).Concat(await IdsAsync(rep, $"/api/records/company?q={q}")).ToList();

        var expected = foundType switch { "contact" => [pat], "company" => [northwind], _ => Array.Empty<Guid>() };
        Assert.Equal(expected, everyType);
        Assert.Equal(expected, typeLists);
    }

    private static async Task<List<Guid>> IdsAsync(CrmClient rep, string path) =>
        (await rep.GetAsync(path)).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
