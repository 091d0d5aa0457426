using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Demo;

/// <summary>What a fresh <c>dotnet run</c> shows: the demo account, seeded through the API's own validation.</summary>
public class DemoDataTests
{
    private sealed class SeededFactory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Demo:Seed", "true"), ("Ingestion:Enabled", "false")];
    }

    [Fact]
    public async Task DemoLibrary_HasEveryKind_AndItsTemplateRendersForMegan()
    {
        await using var factory = new SeededFactory();
        await factory.InitializeAsync();
        var alex = await CrmClient.SignInAsync(factory, "alex@contoso.com");
        var megan = (await alex.GetAsync("/api/lookup?email=megan.bowen@fabrikam.com")).Json.GetProperty("results")[0].GetProperty("contacts")[0].GetProperty("id").GetGuid();

        var items = (await alex.GetAsync("/api/content")).Json.GetProperty("items").EnumerateArray().ToList();
        var template = items.Single(item => item.GetProperty("kind").GetString() == "template").GetProperty("id").GetGuid();
        var rendered = (await alex.PostAsync($"/api/content/{template}/render", new { recordIds = new[] { megan } })).Json;

        Assert.Equal(["document", "kb", "meeting", "quote", "snippet", "template"], items.Select(item => item.GetProperty("kind").GetString()).Order());
        Assert.Equal("Pricing for Fabrikam", rendered.GetProperty("subject").GetString());
        var html = rendered.GetProperty("html").GetString()!;
        Assert.Contains("Hi Megan,", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://outlook.office.com/bookwithme/user/alex@contoso.com\"", html, StringComparison.Ordinal);
        Assert.Empty(rendered.GetProperty("missing").EnumerateArray());
    }
}
