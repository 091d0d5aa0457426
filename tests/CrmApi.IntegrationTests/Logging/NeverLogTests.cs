using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

public class NeverLogTests(CrmApiFactory factory)
{
    [Fact]
    public async Task DomainEntry_PurgesWhatWasLoggedAfterConfirmation_AndBlocksItsSubdomains()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var contact = await connected.Rep.ContactAsync("lee@eu.northwind.example.com");
        await connected.IntentAsync("t-before", [contact]);
        await connected.SendAsync("t-before", "Before", to: "lee@eu.northwind.example.com");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", contact)).Count == 1, "the first email");

        var unconfirmed = await connected.Rep.PostAsync("/api/never-log", new { value = "northwind.example.com" });
        var confirmed = await connected.Rep.PostAsync("/api/never-log", new { value = "northwind.example.com", confirmPurge = true });

        unconfirmed.AssertProblem(HttpStatusCode.Conflict, "confirmPurge");
        Assert.Equal(1, unconfirmed.Json.GetProperty("wouldPurge").GetInt32());
        Assert.Equal(HttpStatusCode.Created, confirmed.Status);
        Assert.Equal(1, confirmed.Json.GetProperty("purged").GetInt32());
        Assert.Empty(await connected.TimelineAsync("contact", contact));
        Assert.Equal(0, await factory.CountRowsAsync("emails", connected.Rep.AccountId));

        await connected.IntentAsync("t-after", [contact]);
        var after = (await connected.SendAsync("t-after", "After", to: "lee@eu.northwind.example.com")).GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () =>
            (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(after)}")).Json.GetProperty("status").GetString() == "notLogged", "decided");
        Assert.Equal("never-log list (domain northwind.example.com)",
            (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(after)}")).Json.GetProperty("reason").GetString());
        Assert.Empty(await connected.TimelineAsync("contact", contact));
    }

    [Fact]
    public async Task Entries_ListedScopedAndRemovable_BadValuesRefused()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var account = await rep.PostAsync("/api/never-log", new { value = "Spam@Example.com" });
        var personal = await rep.PostAsync("/api/never-log", new { value = "@example.org", scope = "personal" });
        (await rep.PostAsync("/api/never-log", new { value = "not a domain" })).AssertProblem(HttpStatusCode.BadRequest, "value");
        (await rep.PostAsync("/api/never-log", new { value = "x.com", scope = "team" })).AssertProblem(HttpStatusCode.BadRequest, "scope");
        var list = (await rep.GetAsync("/api/never-log")).Json.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("kind").GetString(), item.GetProperty("value").GetString(), item.GetProperty("scope").GetString())).ToList();

        Assert.Equal([("domain", "example.org", "personal"), ("address", "spam@example.com", "account")], list);
        Assert.Equal(HttpStatusCode.NoContent, (await rep.DeleteAsync($"/api/never-log/{account.Json.GetProperty("entry").GetProperty("id").GetGuid()}")).Status);
        Assert.Single((await rep.GetAsync("/api/never-log")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, personal.Status);
    }

    [Fact]
    public async Task BadInput_IntentForAnotherAccountsRecords_AndMalformedHeaders_NeverCrashTheWorker()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var other = await CrmClient.SignInAsync(factory);
        var theirs = await other.ContactAsync("megan@fabrikam.com");

        var intent = await connected.Rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-theirs", new { log = true, associations = new[] { theirs } });
        var unknown = await connected.Rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-unknown", new { log = true, associations = new[] { Guid.NewGuid() } });
        var badId = await connected.Rep.SendAsync(HttpMethod.Put, "/api/log-intents/has spaces", new { log = true });
        var garbage = await connected.Emulator.DeliverAsync(connected.Address, new
        {
            from = "megan@fabrikam.com",
            subject = "RE: RE:",
            bodyHtml = "<p>?</p>",
            inReplyTo = "not <<a message id",
            references = "<<<>>> garbage",
        });

        intent.AssertProblem(HttpStatusCode.NotFound, "associations[0]");
        unknown.AssertProblem(HttpStatusCode.NotFound, "associations[0]");
        badId.AssertProblem(HttpStatusCode.BadRequest, "trackingId");
        var id = garbage.GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () =>
            (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(id)}")).Json.GetProperty("status").GetString() == "notLogged", "the malformed message decided");
        Assert.Equal(0, (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64());
    }
}
