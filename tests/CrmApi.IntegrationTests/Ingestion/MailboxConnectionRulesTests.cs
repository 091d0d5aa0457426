using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// Issue 17: a rep connects and disconnects their own mailbox only, found by the object id of their token (not by the
/// address they claim); an admin connects anyone's and every team or help-desk mailbox; a disconnect deletes the
/// Graph subscriptions and keeps the logged email; the account audit records both, with who.
/// </summary>
public class MailboxConnectionRulesTests(CrmApiFactory factory)
{
    [Fact]
    public async Task ARep_ConnectsTheirOwnMailbox_ByObjectId_AndNobodyElses()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var domain = admin.Email.Split('@')[1];
        var rep = await CrmClient.SignInAsync(factory, $"seller@{domain}", roles: ["Crm.User"]);
        var emulator = new Emulator(factory);
        await emulator.MailboxAsync(rep.Email, rep.ObjectId);
        var ceo = await emulator.MailboxAsync($"ceo@{domain}");
        var team = await emulator.MailboxAsync($"sales@{domain}");

        var theCeos = await rep.PostAsync("/api/mailboxes", new { address = ceo, kind = "personal" });
        var aTeams = await rep.PostAsync("/api/mailboxes", new { address = team, kind = "team" });
        var own = await rep.PostAsync("/api/mailboxes", new { kind = "personal" });

        Assert.Equal(HttpStatusCode.Forbidden, theCeos.Status);
        Assert.Equal(HttpStatusCode.Forbidden, aTeams.Status);
        Assert.True(own.Status == HttpStatusCode.Created, own.Text);
        Assert.Equal(rep.Email, own.Json.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/mailboxes", new { address = ceo, kind = "personal" })).Status);
        var connected = (await admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray()
            .Where(line => line.GetProperty("action").GetString() == "mailbox.connected").Select(line => line.GetProperty("actor").GetString() + " " + line.GetProperty("target").GetString()).Order().ToList();
        Assert.Equal([$"{admin.Email} personal {ceo}", $"{admin.Email} team {team}", $"{rep.Email} personal {rep.Email}"], connected);
    }

    [Fact]
    public async Task Disconnect_DeletesTheSubscriptionsInGraph_KeepsTheLoggedEmail_AndIsAudited()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var domain = admin.Email.Split('@')[1];
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory, $"seller@{domain}", roles: ["Crm.User"]));
        var other = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory, $"other@{domain}", roles: ["Crm.User"]));
        var contact = await admin.ContactAsync("lee@northwind-disconnect.example.com", "Lee Gu");
        await connected.IntentAsync("t-kept", [contact]);
        await connected.SendAsync("t-kept", "Kept", to: "lee@northwind-disconnect.example.com");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the email logged");
        var graphIds = connected.GraphSubscriptionIds().ToList();

        var byAnotherRep = await other.Rep.DeleteAsync($"/api/mailboxes/{connected.MailboxId}");
        var byItsOwner = await connected.Rep.DeleteAsync($"/api/mailboxes/{connected.MailboxId}");

        Assert.Equal(HttpStatusCode.Forbidden, byAnotherRep.Status);
        Assert.True(byItsOwner.Status == HttpStatusCode.OK, byItsOwner.Text);
        Assert.Equal(2, byItsOwner.Json.GetProperty("subscriptionsDeleted").GetInt32());
        var inGraph = (await connected.Emulator.SubscriptionsAsync()).Select(subscription => subscription.GetProperty("id").GetString()).ToList();
        Assert.Empty(graphIds.Intersect(inGraph));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/mailboxes/{connected.MailboxId}/health")).Status);
        Assert.Single(await connected.TimelineAsync("contact", contact));
        var line = Assert.Single((await admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray(),
            line => line.GetProperty("action").GetString() == "mailbox.disconnected");
        Assert.Equal(connected.Rep.Email, line.GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/mailboxes/{other.MailboxId}")).Status);
        // Connected again after a disconnect: a clean start.
        Assert.Equal(HttpStatusCode.Created, (await connected.Rep.PostAsync("/api/mailboxes", new { kind = "personal" })).Status);
    }
}
