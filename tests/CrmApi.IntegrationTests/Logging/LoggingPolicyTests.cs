using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>
/// Logging without the pane (issue 20, item 1): the account's outgoing and incoming policies, the association rule, a
/// user's own choice where the account allows it; the pane's "don't log", bulk mail and internal-only mail still win.
/// </summary>
public class LoggingPolicyTests(CrmApiFactory factory)
{
    private sealed record Megan(Guid Contact, Guid Company, Guid OpenDeal, Guid ClosedDeal, Guid OpenTicket);

    private static async Task<Megan> MeganAsync(ConnectedRep connected)
    {
        var rep = connected.Rep;
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        var company = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        var openDeal = await rep.CreateAsync("deal", new { name = "Fabrikam - 50 seats", stage = "contractSent" });
        var closedDeal = await rep.CreateAsync("deal", new { name = "Fabrikam - pilot", stage = "closedWon" });
        var ticket = await rep.CreateAsync("ticket", new { name = "Fabrikam - login fails", status = "new" });
        foreach (var record in new[] { company, openDeal, closedDeal, ticket })
        {
            await rep.AssociateAsync(contact, record);
        }
        return new Megan(contact, company, openDeal, closedDeal, ticket);
    }

    private static async Task SetAsync(ConnectedRep connected, object settings)
    {
        var reply = await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", settings);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    private static async Task<JsonElement> DecidedAsync(ConnectedRep connected, JsonElement sent)
    {
        var id = Uri.EscapeDataString(sent.GetProperty("internetMessageId").GetString()!);
        JsonElement status = default;
        await Emulator.EventuallyAsync(async () =>
        {
            status = (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={id}")).Json;
            return status.GetProperty("status").GetString() is "logged" or "notLogged";
        }, "the message decided");
        return status;
    }

    private static Task<JsonElement> PlainSendAsync(ConnectedRep connected, string to, string subject) =>
        connected.Emulator.SendAsync(connected.Address, new { to = new[] { to }, subject, bodyHtml = $"<p>{subject}</p>" });

    [Fact]
    public async Task OutgoingKnownContacts_APlainSendIsLoggedToTheContactItsCompanyAndOpenRecords_OthersAreNot()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var megan = await MeganAsync(connected);
        await SetAsync(connected, new { outgoing = "knownContacts", associations = "mostRecentOpen" });

        var toMegan = await DecidedAsync(connected, await PlainSendAsync(connected, "Megan@Fabrikam.com", "Our proposal"));
        var toStranger = await DecidedAsync(connected, await PlainSendAsync(connected, "someone@nowhere.example.com", "Hello"));
        var bulk = await DecidedAsync(connected, await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { "megan@fabrikam.com" },
            subject = "Newsletter",
            bodyHtml = "<p>News</p>",
            internetHeaders = new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:news@contoso.com>" },
        }));
        var internalOnly = await DecidedAsync(connected, await PlainSendAsync(connected, connected.Rep.Email, "Note to self"));
        await connected.IntentAsync("t-dont", [], log: false);
        var dontLog = await DecidedAsync(connected, await connected.SendAsync("t-dont", "Private", to: "megan@fabrikam.com"));

        Assert.Equal("logged", toMegan.GetProperty("status").GetString());
        var logged = Assert.Single(await connected.TimelineAsync("contact", megan.Contact));
        Assert.Equal("Our proposal", logged.GetProperty("preview").GetString());
        Assert.Equal("account policy outgoing=knownContacts", logged.GetProperty("loggedBecause").GetString());
        Assert.Single(await connected.TimelineAsync("company", megan.Company));
        Assert.Single(await connected.TimelineAsync("deal", megan.OpenDeal));
        Assert.Single(await connected.TimelineAsync("ticket", megan.OpenTicket));
        Assert.Empty(await connected.TimelineAsync("deal", megan.ClosedDeal));
        Assert.Equal(("notLogged", "account policy outgoing=knownContacts: no known contact among them"), (toStranger.GetProperty("status").GetString(), toStranger.GetProperty("reason").GetString()));
        Assert.Equal(("notLogged", "bulk mail (List-Unsubscribe)"), (bulk.GetProperty("status").GetString(), bulk.GetProperty("reason").GetString()));
        Assert.Equal(("notLogged", "account policy outgoing=knownContacts: no external recipient"), (internalOnly.GetProperty("status").GetString(), internalOnly.GetProperty("reason").GetString()));
        Assert.Equal(("notLogged", "the rep chose not to log it (log:false)"), (dontLog.GetProperty("status").GetString(), dontLog.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task AssociationRule_AllOpenTakesEveryOpenDeal_NoneTakesOnlyTheContactAndCompany()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var megan = await MeganAsync(connected);
        var secondDeal = await connected.Rep.CreateAsync("deal", new { name = "Fabrikam - renewal", stage = "qualifiedToBuy" });
        await connected.Rep.AssociateAsync(megan.Contact, secondDeal);

        await SetAsync(connected, new { outgoing = "knownContacts", associations = "allOpen" });
        await DecidedAsync(connected, await PlainSendAsync(connected, "megan@fabrikam.com", "Both deals"));
        await SetAsync(connected, new { associations = "none" });
        await DecidedAsync(connected, await PlainSendAsync(connected, "megan@fabrikam.com", "Just Megan"));

        Assert.Equal(2, (await connected.TimelineAsync("contact", megan.Contact)).Count);
        Assert.Equal(2, (await connected.TimelineAsync("company", megan.Company)).Count);
        Assert.Equal(["Both deals"], (await connected.TimelineAsync("deal", megan.OpenDeal)).Select(email => email.GetProperty("preview").GetString()));
        Assert.Equal(["Both deals"], (await connected.TimelineAsync("deal", secondDeal)).Select(email => email.GetProperty("preview").GetString()));
        Assert.Empty(await connected.TimelineAsync("deal", megan.ClosedDeal));
    }

    [Fact]
    public async Task IncomingKnownContacts_ANewEmailFromAContactIsLogged_FromAStrangerNot_IncomingNoneLogsNothing()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var megan = await MeganAsync(connected);
        await SetAsync(connected, new { incoming = "knownContacts" });

        var fromMegan = await DecidedAsync(connected, await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "A question", bodyHtml = "<p>How many seats?</p>" }));
        var fromStranger = await DecidedAsync(connected, await connected.Emulator.DeliverAsync(connected.Address, new { from = "someone@nowhere.example.com", subject = "Hi", bodyHtml = "<p>Hi</p>" }));
        var bulk = await DecidedAsync(connected, await connected.Emulator.DeliverAsync(connected.Address, new
        {
            from = "megan@fabrikam.com",
            subject = "Fabrikam news",
            bodyHtml = "<p>News</p>",
            internetHeaders = new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:news@fabrikam.com>" },
        }));
        await SetAsync(connected, new { incoming = "none" });
        var ignored = await DecidedAsync(connected, await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "Another", bodyHtml = "<p>And?</p>" }));

        var logged = Assert.Single(await connected.TimelineAsync("contact", megan.Contact));
        Assert.Equal(("How many seats?", "incoming", "account policy incoming=knownContacts"),
            (logged.GetProperty("preview").GetString(), logged.GetProperty("direction").GetString(), logged.GetProperty("loggedBecause").GetString()));
        Assert.Equal(("notLogged", "account policy incoming=knownContacts: no known contact among them"), (fromStranger.GetProperty("status").GetString(), fromStranger.GetProperty("reason").GetString()));
        Assert.Equal(("notLogged", "bulk mail (List-Unsubscribe)"), (bulk.GetProperty("status").GetString(), bulk.GetProperty("reason").GetString()));
        Assert.Equal(("notLogged", "account policy incoming=none: received mail is not logged"), (ignored.GetProperty("status").GetString(), ignored.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task AUsersOwnPolicy_OnlyWhereTheAccountAllowsIt_AndUsedForTheirMail()
    {
        // The rep's own mailbox: a user's policy is the policy of the mailbox they own.
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var megan = await MeganAsync(connected);
        var refused = await connected.Rep.SendAsync(HttpMethod.Put, "/api/me/logging", new { outgoing = "knownContacts" });
        await SetAsync(connected, new { usersMayOverride = true });
        var badValue = await connected.Rep.SendAsync(HttpMethod.Put, "/api/me/logging", new { outgoing = "everything" });
        var chosen = await connected.Rep.SendAsync(HttpMethod.Put, "/api/me/logging", new { outgoing = "knownContacts" });

        await DecidedAsync(connected, await PlainSendAsync(connected, "megan@fabrikam.com", "By my policy"));

        refused.AssertProblem(HttpStatusCode.Conflict, "usersMayOverride");
        badValue.AssertProblem(HttpStatusCode.BadRequest, "outgoing");
        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        Assert.Equal(("knownContacts", "replies", true), (chosen.Json.GetProperty("effective").GetProperty("outgoing").GetString(),
            chosen.Json.GetProperty("effective").GetProperty("incoming").GetString(), chosen.Json.GetProperty("mayOverride").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, chosen.Json.GetProperty("incoming").ValueKind);
        // What "the organisation's setting" is, beside the user's own: the account still logs by the pane.
        Assert.Equal("pane", chosen.Json.GetProperty("account").GetProperty("outgoing").GetString());
        var logged = Assert.Single(await connected.TimelineAsync("contact", megan.Contact));
        Assert.Equal("user policy outgoing=knownContacts", logged.GetProperty("loggedBecause").GetString());
        Assert.Equal("pane", (await connected.Rep.GetAsync("/api/settings/logging")).Json.GetProperty("outgoing").GetString());
    }

    [Fact]
    public async Task AccountSettings_EachBadValueNamed_NothingChanged_AuditedBeforeAndAfter()
    {
        var connected = await ConnectedRep.CreateAsync(factory);

        var bad = await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { outgoing = "all", incoming = "some", associations = "first", createContacts = "sent" });
        var empty = await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { });
        var good = await connected.Rep.SendAsync(HttpMethod.Put, "/api/settings/logging", new { outgoing = "anyExternal" });

        bad.AssertProblem(HttpStatusCode.BadRequest, "outgoing");
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("incoming", out _));
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("associations", out _));
        empty.AssertProblem(HttpStatusCode.BadRequest, "createContacts");
        Assert.Equal(("anyExternal", "replies", "mostRecentOpen", "off", false), (good.Json.GetProperty("outgoing").GetString(), good.Json.GetProperty("incoming").GetString(),
            good.Json.GetProperty("associations").GetString(), good.Json.GetProperty("createContacts").GetString(), good.Json.GetProperty("usersMayOverride").GetBoolean()));
        var audit = (await connected.Rep.GetAsync("/api/audit?limit=10")).Json.GetProperty("items").EnumerateArray().First();
        Assert.Contains("\"pane\"", audit.GetProperty("before").GetRawText());
        Assert.Contains("\"anyExternal\"", audit.GetProperty("after").GetRawText());
    }
}
