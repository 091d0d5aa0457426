using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>
/// The launch event's default intent (issue 20, item 2): a message started from a record carries it until sent, pane
/// or no pane; a pane's own choice replaces the default, and a default never replaces a pane's choice.
/// </summary>
public class DefaultIntentTests(CrmApiFactory factory)
{
    private static async Task<Reply> DefaultAsync(ConnectedRep connected, string trackingId, params string[] to) =>
        await connected.Rep.SendAsync(HttpMethod.Put, $"/api/log-intents/{trackingId}/default", new { to, composeType = "newMail" });

    [Fact]
    public async Task StartedFromARecord_TheLaunchEventClaimsTheStart_TheSentMessageIsLoggedThereWithoutAPane()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var megan = await connected.Rep.ContactAsync("megan@fabrikam.com");
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Fabrikam - 50 seats" });

        var start = await connected.Rep.PostAsync("/api/log-intents/starts", new { to = new[] { "Megan@Fabrikam.com" }, startedFrom = deal, composeType = "newMail" });
        var claimed = await DefaultAsync(connected, "t-started", "megan@fabrikam.com");
        var nothingLeft = await DefaultAsync(connected, "t-second", "megan@fabrikam.com");
        await connected.SendAsync("t-started", "From the deal");

        Assert.Equal(HttpStatusCode.Created, start.Status);
        Assert.Equal(HttpStatusCode.OK, claimed.Status);
        Assert.Equal(("default", deal), (claimed.Json.GetProperty("intent").GetProperty("origin").GetString(), claimed.Json.GetProperty("startedFrom").GetProperty("id").GetGuid()));
        Assert.Equal("Fabrikam - 50 seats", claimed.Json.GetProperty("records")[0].GetProperty("name").GetString());
        Assert.Empty(nothingLeft.Json.GetProperty("intent").GetProperty("associations").EnumerateArray());
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal");
        var logged = Assert.Single(await connected.TimelineAsync("deal", deal));
        Assert.Equal("started from a record: default intent t-started", logged.GetProperty("loggedBecause").GetString());
        // Under the account's "pane" policy only the start's records get it: the rep chose them, the policy adds nothing.
        Assert.Empty(await connected.TimelineAsync("contact", megan));
    }

    [Fact]
    public async Task ADefaultIntentWithoutAStart_UnderThePanePolicy_LogsNothing()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.Rep.ContactAsync("megan@fabrikam.com");

        await DefaultAsync(connected, "t-plain", "megan@fabrikam.com");
        var sent = await connected.SendAsync("t-plain", "Plain");

        var id = Uri.EscapeDataString(sent.GetProperty("internetMessageId").GetString()!);
        await Emulator.EventuallyAsync(async () => (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={id}")).Json.GetProperty("status").GetString() == "notLogged", "decided");
        Assert.Equal("not in a logged thread and no log intent", (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={id}")).Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ThePanesChoiceReplacesTheDefault_AndALateDefaultLeavesThePanesChoice()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Fabrikam - 50 seats" });
        var other = await connected.Rep.CreateAsync("deal", new { name = "Contoso - renewal" });
        await connected.Rep.PostAsync("/api/log-intents/starts", new { to = new[] { "megan@fabrikam.com" }, startedFrom = deal });

        await DefaultAsync(connected, "t-a", "megan@fabrikam.com");
        await connected.IntentAsync("t-a", [other]);
        await connected.IntentAsync("t-b", [other]);
        var late = await DefaultAsync(connected, "t-b", "megan@fabrikam.com");
        var paneKeptStart = (await connected.Rep.GetAsync("/api/log-intents/t-a")).Json;

        Assert.Equal(("pane", deal), (paneKeptStart.GetProperty("origin").GetString(), paneKeptStart.GetProperty("startedFrom").GetGuid()));
        Assert.Equal([other], paneKeptStart.GetProperty("associations").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal("pane", late.Json.GetProperty("intent").GetProperty("origin").GetString());
        Assert.Equal([other], late.Json.GetProperty("intent").GetProperty("associations").EnumerateArray().Select(id => id.GetGuid()));
    }

    [Fact]
    public async Task Starts_BadInputNamed_AnotherAccountsRecordRefused_AnotherUsersStartNotClaimed()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var stranger = await CrmClient.SignInAsync(factory);
        var theirs = await stranger.CreateAsync("deal", new { name = "Theirs" });
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Mine" });
        var colleague = await CrmClient.SignInAsync(factory, $"colleague@{connected.Rep.Email.Split('@')[1]}");

        var badAddress = await connected.Rep.PostAsync("/api/log-intents/starts", new { to = new[] { "not an address" }, composeType = "memo" });
        var foreign = await connected.Rep.PostAsync("/api/log-intents/starts", new { to = new[] { "megan@fabrikam.com" }, startedFrom = theirs });
        await connected.Rep.PostAsync("/api/log-intents/starts", new { to = new[] { "megan@fabrikam.com" }, startedFrom = deal });
        var byColleague = await colleague.SendAsync(HttpMethod.Put, "/api/log-intents/t-colleague/default", new { to = new[] { "megan@fabrikam.com" } });
        var badId = await connected.Rep.SendAsync(HttpMethod.Put, "/api/log-intents/bad%20id/default", new { to = new[] { "megan@fabrikam.com" } });

        badAddress.AssertProblem(HttpStatusCode.BadRequest, "to[0]");
        Assert.True(badAddress.Json.GetProperty("errors").TryGetProperty("composeType", out _));
        foreign.AssertProblem(HttpStatusCode.NotFound, "startedFrom");
        Assert.Equal(colleague.AccountId, connected.Rep.AccountId);
        Assert.Empty(byColleague.Json.GetProperty("intent").GetProperty("associations").EnumerateArray());
        badId.AssertProblem(HttpStatusCode.BadRequest, "trackingId");
        // Still there for its own user.
        Assert.Equal(deal, (await DefaultAsync(connected, "t-mine", "megan@fabrikam.com")).Json.GetProperty("startedFrom").GetProperty("id").GetGuid());
    }
}
