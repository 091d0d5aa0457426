using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The console's Privacy and Logging pages: a setting changed lands in the account audit; the legal-basis audit exported.</summary>
public class AdminPrivacyBrowserTests
{
    [Fact]
    public async Task ChangeTheUnknownRecipientPolicy_TheAccountAuditShowsBeforeAndAfter()
    {
        await using var test = await AdminTest.StartAsync();
        await test.RunAsync(nameof(ChangeTheUnknownRecipientPolicy_TheAccountAuditShowsBeforeAndAfter), async () =>
        {
            await test.OpenAsync("/privacy");
            await test.Page.GetByRole(AriaRole.Radio, new() { Name = "Block until the rep records a legal basis" }).CheckAsync();
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Save privacy settings" }).ClickAsync();
            await Assertions.Expect(test.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();

            await test.GoToAsync("Logging");
            var audit = test.Page.GetByRole(AriaRole.Table, new() { Name = "Account audit" });
            await Assertions.Expect(audit).ToContainTextAsync("changed the settings (privacy): unknownRecipients warn → block");
            await test.ScreenshotAsync("logging-audit");
        });
        var saved = await test.Admin.GetAsync("/api/settings/privacy");
        Assert.Equal("block", saved.Json.GetProperty("unknownRecipients").GetString());
    }

    [Fact]
    public async Task TheLegalBasisAudit_FilteredByEvent_ExportedAsCsv_TheFileReadsBack()
    {
        await using var test = await AdminTest.StartAsync();
        var megan = await test.Admin.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var lee = await test.Admin.CreateAsync("contact", new { name = "Lee Gu", emails = new[] { new { address = "lee@northwind.com", primary = true } } });
        await test.Admin.PostAsync($"/api/contacts/{megan}/global-opt-out", new { optedOut = true });
        await test.Admin.PostAsync($"/api/contacts/{lee}/one-time-basis", new { legalBasis = "legitimateInterestProspect", explanation = "Asked for a quote" });

        await test.RunAsync(nameof(TheLegalBasisAudit_FilteredByEvent_ExportedAsCsv_TheFileReadsBack), async () =>
        {
            await test.OpenAsync("/privacy");
            var lines = test.Page.GetByRole(AriaRole.Table, new() { Name = "Legal-basis audit lines" });
            await Assertions.Expect(lines).ToContainTextAsync("Megan Bowen");
            await Assertions.Expect(lines).ToContainTextAsync("Lee Gu");

            await test.Page.GetByLabel("Event").SelectOptionAsync("optedOut");
            await test.Page.GetByRole(AriaRole.Button, new() { Name = "Apply the filters" }).ClickAsync();
            await Assertions.Expect(lines).Not.ToContainTextAsync("Lee Gu");
            await Assertions.Expect(lines).ToContainTextAsync("Megan Bowen");
            await test.ScreenshotAsync("privacy-audit");

            var download = await test.Page.RunAndWaitForDownloadAsync(() => test.Page.GetByRole(AriaRole.Button, new() { Name = "Export as CSV" }).ClickAsync());
            var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
            await download.SaveAsAsync(path);
            var rows = await File.ReadAllLinesAsync(path);
            File.Delete(path);
            Assert.StartsWith("legal-basis-audit-", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.True(rows.Length == 2, "a header and Megan's one line:\n" + string.Join("\n", rows));
            Assert.Contains("optedOut", rows[1], StringComparison.Ordinal);
            Assert.Contains("Megan Bowen", rows[1], StringComparison.Ordinal);
        });
    }
}
