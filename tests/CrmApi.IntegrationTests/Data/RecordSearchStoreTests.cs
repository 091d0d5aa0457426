using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// The one search rule (RecordSql's): the name holds the text anywhere, an address or a domain starts with it, LIKE
/// wildcards are taken literally; the same for a type's list and for the search across types, on each database.
/// </summary>
public class RecordSearchStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Search_OneTypeAndEveryType_FindByTheSameRule(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var crm = new CrmStores(Databases.Get(provider));
        var user = await crm.NewAccountAsync(ct);
        var pat = await crm.CreateAsync(user, "contact", new RecordInput("Pat Doe", null, null, [new EmailInput("Pat.Doe@Northwind.example.com", true)], null, null, null), ct);
        var northwind = await crm.CreateAsync(user, "company", Company("Northwind Traders", "northwind.example.com"), ct);
        var juice = await crm.CreateAsync(user, "company", Company("100% Juice", null), ct);
        await crm.CreateAsync(user, "company", Company("1000 Juices", null), ct);
        var contact = (await crm.Types.GetByNameAsync(user.AccountId, "contact", ct))!.Id;
        var company = (await crm.Types.GetByNameAsync(user.AccountId, "company", ct))!.Id;
        var expected = new (string Query, Guid[] Found)[]
        {
            ("WIND trad", [northwind]), // the name holds it, in any case
            ("PAT.DOE@north", [pat]), // an address starts with it, in any case
            ("doe@", []), // ... but not in its middle
            ("northwind.ex", [northwind]), // a domain starts with it
            ("example.com", []), // ... but not in its middle
            ("100%", [juice]), // a wildcard is a character
        };

        foreach (var (query, found) in expected)
        {
            var everyType = await crm.Records.SearchEveryTypeAsync(user.AccountId, query, 20, ct);
            var oneType = (await crm.Records.SearchAsync(user.AccountId, contact, query, null, 20, ct))
                .Concat(await crm.Records.SearchAsync(user.AccountId, company, query, null, 20, ct));

            Assert.True(found.Order().SequenceEqual(everyType.Select(record => record.Id).Order()), $"every type, '{query}'");
            Assert.True(found.Order().SequenceEqual(oneType.Select(record => record.Id).Order()), $"one type, '{query}'");
        }
    }

    private static RecordInput Company(string name, string? domain) => new(name, null, null, null, domain, null, null);
}
