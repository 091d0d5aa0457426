using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Privacy.Retention;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Start from a record: search it in the pane, "Email" opens a new message with the record pre-associated.</summary>
public class RecordsBrowserTests
{
    [Fact]
    public async Task StartFromACustomObjectRecord_ToStaysEmpty_AndTheRecordIsPreAssociated()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        await rep.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        var rollout = await rep.CreateAsync("project", new { name = "Rollout Oslo" });
        // Associated with a contact, and still To stays empty: a custom object has no recipients of its own.
        await rep.AssociateAsync(rollout, await rep.ContactAsync("megan@fabrikam.com"));

        await test.RunAsync(nameof(StartFromACustomObjectRecord_ToStaysEmpty_AndTheRecordIsPreAssociated), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Rollout Oslo", "Project");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Email" }).ClickAsync();

            var picked = test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Rollout Oslo (Project) — started from this record" });
            await Assertions.Expect(picked).ToBeCheckedAsync();
            Assert.Equal("compose", await test.Page.EvaluateAsync<string>("() => window.harness.item.mode"));
            Assert.Equal(0, await test.Page.EvaluateAsync<int>("() => window.harness.item.to.length"));
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(rollout), "the record in the saved log intent");
        });
    }

    [Fact]
    public async Task AnEmailWhoseBodyRetentionRemoved_SaysSoOnTheTimeline()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var deal = await rep.CreateAsync("deal", new { name = "Old deal" });
        await test.Factory.LogAsync(rep.AccountId, [deal], DateTimeOffset.UtcNow.AddDays(-400), subject: "Ancient quote", body: "<p>Long gone body</p>");
        await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = false, bodyRetentionDays = 30 });
        await test.Factory.Services.GetRequiredService<RetentionPurge>().RunAsync(TestContext.Current.CancellationToken);

        await test.RunAsync(nameof(AnEmailWhoseBodyRetentionRemoved_SaysSoOnTheTimeline), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Old deal", "Deal");

            var timeline = test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of Old deal" });
            await Assertions.Expect(timeline).ToContainTextAsync("Ancient quote");
            await Assertions.Expect(timeline).ToContainTextAsync("removed after your organisation's retention period");
            await Assertions.Expect(timeline).Not.ToContainTextAsync("Long gone body");
        });
    }

    [Fact]
    public async Task StartFromADeal_ToHasItsContacts()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        var deal = await rep.CreateAsync("deal", new { name = "300 seats", stage = "contractSent" });
        await rep.AssociateAsync(deal, await rep.ContactAsync("megan@fabrikam.com"));
        await rep.AssociateAsync(deal, await rep.ContactAsync("lee@northwind.example.com", "Lee Gu"));

        await test.RunAsync(nameof(StartFromADeal_ToHasItsContacts), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("300 seats", "Deal");
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Region, new() { Name = "Timeline of 300 seats" })).ToContainTextAsync("No emails logged to 300 seats yet.");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Email" }).ClickAsync();

            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            await Assertions.Expect(test.Row("lee@northwind.example.com")).ToBeVisibleAsync();
            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "300 seats (Deal) — started from this record" })).ToBeCheckedAsync();
            var to = await test.Page.EvaluateAsync<string[]>("() => window.harness.item.to");
            Assert.Equal(["lee@northwind.example.com", "megan@fabrikam.com"], to.Order());
        });
    }

    [Fact]
    public async Task Compose_SearchAnyRecord_AddsItTickedToTheLogIntent()
    {
        await using var test = await PaneTest.StartAsync();
        var rep = test.Rep;
        await rep.ContactAsync("megan@fabrikam.com");
        var ticket = await rep.CreateAsync("ticket", new { name = "Broken invoice 1042" });

        await test.RunAsync(nameof(Compose_SearchAnyRecord_AddsItTickedToTheLogIntent), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            await test.Pane.GetByRole(AriaRole.Searchbox, new() { Name = "Add any record" }).FillAsync("invoice 10");
            await test.Pane.GetByRole(AriaRole.Button, new() { Name = "Broken invoice 1042 (Ticket)" }).ClickAsync();

            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Broken invoice 1042 (Ticket) — found by you" })).ToBeCheckedAsync();
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(ticket), "the ticket in the saved log intent");
        });
    }
}
