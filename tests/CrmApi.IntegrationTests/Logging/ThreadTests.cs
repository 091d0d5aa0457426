using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>A whole thread through the emulator: each outcome on every associated record's timeline, with why.</summary>
public class ThreadTests(CrmApiFactory factory)
{
    private const string Megan = "megan@fabrikam.com";

    private static async Task<JsonElement> StatusAsync(ConnectedRep connected, string internetMessageId) =>
        (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(internetMessageId)}")).Json;

    [Fact]
    public async Task Thread_SendReplyReplyInternalForwardExternalForward()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var emulator = connected.Emulator;
        await connected.Rep.SetPrivacyAsync(false, internalDomains: ["contoso.example.com"]);
        var contact = await connected.Rep.ContactAsync(Megan);
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Pilot" });
        await connected.IntentAsync("t-thread", [contact, deal], composeType: "newMail");

        var first = (await connected.SendAsync("t-thread", "Pilot", to: Megan)).GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the first email");
        var reply = (await emulator.DeliverAsync(connected.Address, new { from = Megan, subject = "RE: Pilot", bodyHtml = "<p>Yes</p>", inReplyTo = first, references = first }))
            .GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 2, "the contact's reply");
        var answer = (await emulator.SendAsync(connected.Address, new { to = new[] { Megan }, subject = "RE: Pilot", bodyHtml = "<p>Great</p>", inReplyTo = reply, references = $"{first} {reply}" }))
            .GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 3, "the rep's reply");
        var internalForward = (await emulator.SendAsync(connected.Address, new { to = new[] { "colleague@contoso.example.com" }, subject = "FW: Pilot", bodyHtml = "<p>fyi</p>", references = $"{first} {reply} {answer}" }))
            .GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await StatusAsync(connected, internalForward)).GetProperty("status").GetString() == "notLogged", "the internal forward decided");
        await emulator.SendAsync(connected.Address, new { to = new[] { "lee@northwind.example.com" }, subject = "FW: Pilot", bodyHtml = "<p>see below</p>", references = $"{first} {reply} {answer}" });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 4, "the external forward");

        foreach (var (type, id) in new[] { ("deal", deal), ("contact", contact) })
        {
            var timeline = await connected.TimelineAsync(type, id);
            Assert.Equal(["forward", "reply", "reply", "email"], timeline.Select(item => item.GetProperty("kind").GetString()));
            Assert.Equal(["outgoing", "outgoing", "incoming", "outgoing"], timeline.Select(item => item.GetProperty("direction").GetString()));
            Assert.Equal(["Email - Fwd: Pilot", "Email - Re: Pilot", "Email - Re: Pilot", "Email - Pilot"], timeline.Select(item => item.GetProperty("title").GetString()));
            var because = timeline.Select(item => item.GetProperty("loggedBecause").GetString()!).ToList();
            Assert.StartsWith("references logged email", because[0], StringComparison.Ordinal);
            Assert.Equal($"reply to logged email {reply}", because[1]);
            Assert.Equal($"reply to logged email {first}", because[2]);
            Assert.Equal("intent t-thread (custom property)", because[3]);
        }
        var status = await StatusAsync(connected, internalForward);
        Assert.Equal("internal-only branch of a logged thread", status.GetProperty("reason").GetString());
        var logged = await StatusAsync(connected, first);
        Assert.Equal("logged", logged.GetProperty("status").GetString());
        Assert.Equal(2, logged.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task LogFalseInsideALoggedThread_Respected()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.ContactAsync(Megan);
        await connected.IntentAsync("t-start", [contact]);
        var first = (await connected.SendAsync("t-start", "Offer", to: Megan)).GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the first email");
        await connected.IntentAsync("t-private", [], log: false);

        var reply = await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { Megan },
            subject = "RE: Offer",
            bodyHtml = "<p>private</p>",
            inReplyTo = first,
            references = first,
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-private" },
        });

        var id = reply.GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await StatusAsync(connected, id)).GetProperty("status").GetString() == "notLogged", "the private reply decided");
        Assert.Equal("the rep chose not to log it (log:false)", (await StatusAsync(connected, id)).GetProperty("reason").GetString());
        Assert.Single(await connected.TimelineAsync("contact", contact));
    }

    [Fact]
    public async Task OneMessageSeenInThreeMailboxes_OneEmailThreeSightings()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var colleagues = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var address = await connected.Emulator.MailboxAsync();
            await connected.Rep.PostAsync("/api/mailboxes", new { address, kind = "personal" });
            colleagues.Add(address);
        }
        var contact = await connected.Rep.ContactAsync(Megan);
        await connected.IntentAsync("t-three", [contact]);

        var sent = await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { Megan, colleagues[0] },
            cc = new[] { colleagues[1] },
            subject = "Kick-off",
            bodyHtml = "<p>Hi all</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-three" },
        });

        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("email_sightings", connected.Rep.AccountId) == 3, "three sightings");
        Assert.Equal(1, await factory.CountRowsAsync("emails", connected.Rep.AccountId));
        Assert.Single(await connected.TimelineAsync("contact", contact));
        Assert.Equal(3, (await StatusAsync(connected, sent.GetProperty("internetMessageId").GetString()!)).GetProperty("mailboxes").GetArrayLength());
    }

    [Fact]
    public async Task BulkMailInALoggedThread_NotLogged()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.ContactAsync(Megan);
        await connected.IntentAsync("t-news", [contact]);
        var first = (await connected.SendAsync("t-news", "Subscribe me", to: Megan)).GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the first email");

        var newsletter = await connected.Emulator.DeliverAsync(connected.Address, new
        {
            from = Megan,
            subject = "RE: Subscribe me",
            bodyHtml = "<p>News</p>",
            inReplyTo = first,
            internetHeaders = new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:unsubscribe@fabrikam.com>" },
        });

        var id = newsletter.GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => (await StatusAsync(connected, id)).GetProperty("status").GetString() == "notLogged", "the newsletter decided");
        Assert.Equal("bulk mail (List-Unsubscribe)", (await StatusAsync(connected, id)).GetProperty("reason").GetString());
        Assert.Single(await connected.TimelineAsync("contact", contact));
    }
}
