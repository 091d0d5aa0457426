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

    [Fact]
    public async Task Read_PinnedPane_FollowsTheSelectedItem()
    {
        await using var test = await PaneTest.StartAsync();
        await test.Rep.ContactAsync("megan@fabrikam.com", "Megan Bowen");
        await test.Rep.ContactAsync("lee@northwind.example.com", "Lee Gu");

        await test.RunAsync(nameof(Read_PinnedPane_FollowsTheSelectedItem), async () =>
        {
            await test.OpenReadAsync("megan@fabrikam.com");
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToContainTextAsync("Megan Bowen");

            await test.Page.EvaluateAsync("() => window.harness.selectItem({ mode: 'read', from: 'lee@northwind.example.com' })");

            await Assertions.Expect(test.Row("lee@northwind.example.com")).ToContainTextAsync("Lee Gu");
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToHaveCountAsync(0);
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of Lee Gu" })).ToBeVisibleAsync();
        });
    }
}
