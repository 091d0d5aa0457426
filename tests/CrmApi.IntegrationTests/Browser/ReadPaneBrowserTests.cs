using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Read mode in the real pane: who the sender and recipients are in the CRM.</summary>
public class ReadPaneBrowserTests
{
    [Fact]
    public async Task Read_AmbiguousSender_ShowsBothContacts_AndThePickIsRememberedOnReload()
    {
        await using var test = await PaneTest.StartAsync();
        const string shared = "purchasing@northwind.example.com";
        await test.Rep.ContactAsync(shared, "Lee Gu");
        var isaiah = await test.Rep.ContactAsync(shared, "Isaiah Langer");

        await test.RunAsync(nameof(Read_AmbiguousSender_ShowsBothContacts_AndThePickIsRememberedOnReload), async () =>
        {
            await test.OpenReadAsync(shared);
            var row = test.Row(shared);
            await Assertions.Expect(row).ToContainTextAsync("2 contacts share this address: pick the one it is.");
            await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Use this contact", "Use this contact"]);
            await Assertions.Expect(test.Row(test.Rep.Email)).ToHaveCountAsync(0);

            await row.GetByRole(AriaRole.Button, new() { Name = $"Use Isaiah Langer for {shared}" }).ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("Isaiah Langer (your pick)");

            await test.Page.ReloadAsync();
            await Assertions.Expect(test.Row(shared)).ToContainTextAsync("Isaiah Langer (your pick)");
            await Assertions.Expect(test.Row(shared)).Not.ToContainTextAsync("pick the one it is");
            await Assertions.Expect(test.Row(shared).GetByRole(AriaRole.Button)).ToHaveTextAsync(["Use this contact"]);
        });
        var lookup = await test.Rep.GetAsync($"/api/lookup?email={shared}");
        Assert.Equal(isaiah, lookup.Json.GetProperty("results")[0].GetProperty("chosenContactId").GetGuid());
    }
}
