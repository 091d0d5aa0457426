using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Overview;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.UncheckedSends;

/// <summary>
/// Every send accounted for (issue 20): Sent Items copies read through the emulator's Graph, held against the send
/// check's trace of their tracking id. "Nothing" is read only after the mailbox has settled (<see cref="Settled"/>), and
/// each test also has a send that is accounted, so it fails when accounting does not happen at all.
/// </summary>
public class SentWithoutCheckTests(CrmApiFactory factory)
{
    [Fact]
    public async Task PlainSend_ToAnOptedOutContact_OneSentWithoutCheck_CountedInHealth_AndAReprocessAddsNothing()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(true);
        var contact = await connected.Rep.ContactAsync("megan@fabrikam.com");
        await connected.Rep.OptOutAsync(contact);

        await connected.PlainSendAsync("Quote", to: ["megan@fabrikam.com"]);

        var entry = await connected.Rep.SentWithoutCheckAsync(contact);
        Assert.Equal("globallyOptedOut", entry.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("trackingId").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("explanation").ValueKind);
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 1);
        await AssertCountedAsync(connected, 1);

        var replay = await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2020-01-01T00:00:00Z", new { });
        Assert.Equal(1, replay.Json.GetProperty("rows").GetInt32());
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("backlog").GetInt64() == 0, "the replay drained");
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 1);

        Assert.Single(await connected.Rep.AuditAsync(contact), IsSentWithoutCheck);
        await AssertCountedAsync(connected, 1);
        Assert.Equal(0, (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64());
    }

    [Fact]
    public async Task CheckedSend_AddsNothing_TheSameContactsUncheckedSendIsAccounted()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(true);
        var contact = await connected.Rep.ContactAsync("megan@fabrikam.com");
        var ticket = await connected.Rep.CreateAsync("ticket", new { name = "Invoices do not sync" });
        await connected.Rep.AssociateAsync(ticket, contact);
        // The check saw the ticket (the pane passes the email's records), so the contact was exempt; the intent never
        // named it, so deciding again at ingestion would find a basis missing: only the check's own trace says it was checked.
        Assert.True((await connected.Rep.SendCheckAsync(["megan@fabrikam.com"], associations: [ticket], trackingId: "t-checked")).GetProperty("allowed").GetBoolean());
        await connected.SendAsync("t-checked", "About your ticket");

        await connected.PlainSendAsync("Unchecked", to: ["megan@fabrikam.com"]);

        var entry = await connected.Rep.SentWithoutCheckAsync(contact);
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 2);
        Assert.Equal("noLegalBasis", entry.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(await connected.Rep.AuditAsync(contact), IsSentWithoutCheck).GetProperty("trackingId").ValueKind);
        await AssertCountedAsync(connected, 1);
    }

    [Fact]
    public async Task SendTheHandlerLetGoUnchecked_TheEntryCarriesItsReviewReason_AndTheRep()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(true);
        var contact = await connected.Rep.ContactAsync("megan@fabrikam.com");
        await connected.IntentAsync("t-review", [contact]);
        const string review = "sendCheckUnavailable; blocked when the recipients were last checked";

        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "megan@fabrikam.com" },
            subject = "Sent while the CRM was away",
            bodyHtml = "<p>Hello</p>",
            internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = "t-review" },
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-review", ["reviewReason"] = review },
        });

        var entry = await connected.Rep.SentWithoutCheckAsync(contact);
        Assert.Equal(review, entry.GetProperty("explanation").GetString());
        Assert.Equal("t-review", entry.GetProperty("trackingId").GetString());
        Assert.Equal("noLegalBasis", entry.GetProperty("reason").GetString());
        var me = (await connected.Rep.GetAsync("/api/me")).Json;
        Assert.Equal(me.GetProperty("userId").GetGuid(), entry.GetProperty("actorUserId").GetGuid());
    }

    [Fact]
    public async Task InternalUnknownAndPrivacyOff_AddNothing_AnOptedOutContactOnTheSameEmailIsAccounted()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(false, internalDomains: ["contoso.example.com"]);
        var noBasis = await connected.Rep.ContactAsync("megan@fabrikam.com");
        var optedOut = await connected.Rep.ContactAsync("alex@fabrikam.com", "Alex Wilber");
        await connected.Rep.OptOutAsync(optedOut);
        var colleague = await connected.Rep.ContactAsync("adele@contoso.example.com", "Adele Vance");
        await connected.Rep.OptOutAsync(colleague);

        await connected.PlainSendAsync("Internal only", to: ["adele@contoso.example.com"]);
        await connected.PlainSendAsync("Everyone", to: ["megan@fabrikam.com", "adele@contoso.example.com"], cc: ["nobody@fabrikam.com"], bcc: ["alex@fabrikam.com"]);

        // Privacy off asks no basis of a contact, except of one who opted out of all email (the reference's rule).
        var entry = await connected.Rep.SentWithoutCheckAsync(optedOut);
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 2);
        Assert.Equal("globallyOptedOut", entry.GetProperty("reason").GetString());
        Assert.DoesNotContain(await connected.Rep.AuditAsync(noBasis), IsSentWithoutCheck);
        Assert.DoesNotContain(await connected.Rep.AuditAsync(colleague), IsSentWithoutCheck);
        await AssertCountedAsync(connected, 1);
    }

    [Fact]
    public async Task ContactMadeFromTheEmail_WasNoContactWhenItWent_AReprocessAddsNothingForIt()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.SetPrivacyAsync(true);
        Assert.Equal(HttpStatusCode.OK, (await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { createContacts = "sent" })).Status);
        var megan = await connected.Rep.ContactAsync("megan@fabrikam.com");
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Prospect deal" });
        await connected.IntentAsync("t-new", [deal]);
        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "megan@fabrikam.com", "Ada.Lovelace@prospect.example.com" },
            subject = "Welcome",
            bodyHtml = "<p>Hi</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-new" },
        });
        await connected.Rep.SentWithoutCheckAsync(megan);
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 1);
        var ada = Assert.Single((await connected.Rep.GetAsync("/api/records/contact?q=ada")).Json.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();

        // Now Ada is a contact with no basis: deciding again must not count her for an email sent before she was one.
        Assert.Equal(1, (await connected.Rep.PostAsync($"/api/mailboxes/{connected.MailboxId}/reprocess?since=2020-01-01T00:00:00Z", new { })).Json.GetProperty("rows").GetInt32());
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("backlog").GetInt64() == 0, "the replay drained");
        await Settled.WaitAsync(factory.ConnectionString, connected.MailboxId, messages: 1);

        Assert.DoesNotContain(await connected.Rep.AuditAsync(ada), IsSentWithoutCheck);
        Assert.Single(await connected.Rep.AuditAsync(megan), IsSentWithoutCheck);
        await AssertCountedAsync(connected, 1);
    }

    private static bool IsSentWithoutCheck(JsonElement line) => line.GetProperty("event").GetString() == "sentWithoutCheck";

    private static async Task AssertCountedAsync(ConnectedRep connected, long emails)
    {
        var health = (await connected.HealthAsync()).GetProperty("sentWithoutCheck");
        Assert.Equal(emails, health.GetProperty("last7Days").GetInt64());
        Assert.Equal(emails, health.GetProperty("last30Days").GetInt64());
        Assert.Equal(emails, (await connected.FlowAsync()).GetProperty("sentWithoutCheckLast7Days").GetInt64());
    }
}
