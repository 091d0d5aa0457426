using Microsoft.Playwright;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>Reply, reply all and forward from a record's timeline.</summary>
public class TimelineRepliesBrowserTests
{
    private static ILocator Entry(PaneTest test, Guid emailId) => test.Pane.Locator($"li[data-email='{emailId}']");

    [Fact]
    public async Task Forward_OfAnEmailNotInTheMailbox_OpensANewMessage_AndIsLoggedAsEmailFwd()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var original = await test.Factory.LogAsync(test.Rep.AccountId, [megan], DateTimeOffset.UtcNow.AddHours(-1), subject: "Pricing", body: "<p>Our prices for 2027</p>");

        await test.RunAsync(nameof(Forward_OfAnEmailNotInTheMailbox_OpensANewMessage_AndIsLoggedAsEmailFwd), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            await Entry(test, original).GetByRole(AriaRole.Button, new() { Name = "Forward" }).ClickAsync();

            await Assertions.Expect(test.Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Megan Bowen (Contact) — on the email you forward" })).ToBeCheckedAsync();
            Assert.Equal("FW: Pricing", await test.Page.InputValueAsync("#subject"));
            Assert.Contains("Our prices for 2027", await test.Page.InputValueAsync("#body"), StringComparison.Ordinal);
            await Emulator.EventuallyAsync(async () => (await test.SavedIntentAsync()).Contains(megan), "the forwarded email's contact in the log intent");

            await test.Page.FillAsync("#to", "lee@northwind.example.com");
            await test.Page.DispatchEventAsync("#to", "change");
            await test.Page.ClickAsync("#send");
            await Assertions.Expect(test.Page.Locator("#result")).ToContainTextAsync("Sent:");
        });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 2, "the forward on Megan's timeline");
        Assert.Equal("Email - Fwd: Pricing", (await connected.TimelineAsync("contact", megan))[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reply_ToATeammatesEmail_SaysItGoesToTheTeammateOnly_AndOffersReplyAll()
    {
        await using var test = await PaneTest.StartAsync();
        var domain = test.Rep.Email[(test.Rep.Email.IndexOf('@') + 1)..];
        await CrmClient.SignInAsync(test.Factory, $"kim@{domain}");
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        var email = await test.Factory.LogAsync(test.Rep.AccountId, [megan], DateTimeOffset.UtcNow.AddHours(-1), subject: "Pricing",
            from: new Mailbox($"kim@{domain}", "Kim Akers"), to: [new Mailbox("megan@fabrikam.com", "Megan Bowen")]);

        await test.RunAsync(nameof(Reply_ToATeammatesEmail_SaysItGoesToTheTeammateOnly_AndOffersReplyAll), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            var entry = Entry(test, email);
            await entry.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();

            await Assertions.Expect(entry).ToContainTextAsync("Kim Akers sent this email: a reply goes to them only, not to the customer.");
            await entry.GetByRole(AriaRole.Button, new() { Name = "Reply all" }).Last.ClickAsync();

            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            Assert.Equal("RE: Pricing", await test.Page.InputValueAsync("#subject"));
            var to = await test.Page.EvaluateAsync<string[]>("() => window.harness.item.to");
            Assert.Equal([$"kim@{domain}", "megan@fabrikam.com"], to);
        });
    }

    [Fact]
    public async Task Reply_ToAnEmailInTheRepsMailbox_OpensItInOutlooksOwnForm()
    {
        await using var test = await PaneTest.StartAsync();
        var connected = await ConnectedRep.CreateAsync(test.Factory, test.Rep);
        var megan = await test.Rep.ContactAsync("megan@fabrikam.com");
        await connected.IntentAsync("t-in-mailbox", [megan]);
        var sent = await connected.SendAsync("t-in-mailbox", "Pricing");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the sent email logged");
        var email = (await connected.TimelineAsync("contact", megan))[0].GetProperty("emailId").GetGuid();

        await test.RunAsync(nameof(Reply_ToAnEmailInTheRepsMailbox_OpensItInOutlooksOwnForm), async () =>
        {
            await test.OpenReadAsync("someone@elsewhere.example.com");
            await test.OpenRecordAsync("Megan Bowen", "Contact");
            var entry = Entry(test, email);
            await entry.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();

            await Assertions.Expect(entry.GetByRole(AriaRole.Status)).ToContainTextAsync("Opened in Outlook");
            // The message's regular REST id (the emulator's default form of its immutable id), converted to EWS by Office:
            // what displayMessageForm documents, not the EWS form of the immutable id.
            var regular = "AQMk" + sent.GetProperty("id").GetString()![4..];
            Assert.Equal([regular.Replace('-', '+').Replace('_', '/')], await test.Page.EvaluateAsync<string[]>("() => window.harness.openedMessages"));
        });
    }
}
