using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.TeamMailboxes;

/// <summary>Team and help-desk mailboxes in the pane (issue 20): who acts for them, and what the API hands a member only.</summary>
public class TeamMailboxTests(CrmApiFactory factory)
{
    private static async Task<List<string>> MineAsync(CrmClient user) =>
        (await user.GetAsync("/api/me/mailboxes")).Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("address").GetString()!).ToList();

    [Fact]
    public async Task MeMailboxes_AreTheRepsOwnAndTheTeamMailboxesTheyAreAMemberOf()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var sales = await TeamMailbox.CreateAsync(factory, connected.Rep);
        var support = await TeamMailbox.CreateAsync(factory, connected.Rep, "helpdesk");
        var domain = connected.Rep.Email[(connected.Rep.Email.IndexOf('@') + 1)..];
        var colleague = await CrmClient.SignInAsync(factory, $"kim-{Guid.NewGuid():N}@{domain}");

        await sales.MembersAsync(connected.Rep);

        Assert.Equal([connected.Address, sales.Address], await MineAsync(connected.Rep));
        Assert.Empty(await MineAsync(colleague));
        await support.MembersAsync(colleague);
        Assert.Equal([support.Address], await MineAsync(colleague));
        var own = (await connected.Rep.GetAsync("/api/me/mailboxes")).Json.GetProperty("items")[0];
        Assert.True(own.GetProperty("own").GetBoolean());
    }

    [Fact]
    public async Task Members_AreSetByAnAdminOnly_ForTeamMailboxes_OfUsersOfTheAccount()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory, roles: ["Crm.User"]));
        var sales = await TeamMailbox.CreateAsync(factory, connected.Rep);
        var stranger = await CrmClient.SignInAsync(factory);
        var rep = await TeamMailbox.UserIdAsync(connected.Rep);

        var byRep = await connected.Rep.SendAsync(HttpMethod.Put, $"/api/mailboxes/{sales.MailboxId}/members", new { userIds = new[] { rep } });
        var otherAccount = await sales.Admin.SendAsync(HttpMethod.Put, $"/api/mailboxes/{sales.MailboxId}/members", new { userIds = new[] { rep, await TeamMailbox.UserIdAsync(stranger) } });
        var personal = await sales.Admin.SendAsync(HttpMethod.Put, $"/api/mailboxes/{connected.MailboxId}/members", new { userIds = new[] { rep } });
        var noList = await sales.Admin.SendAsync(HttpMethod.Put, $"/api/mailboxes/{sales.MailboxId}/members", new { });
        var done = await sales.Admin.SendAsync(HttpMethod.Put, $"/api/mailboxes/{sales.MailboxId}/members", new { userIds = new[] { rep } });

        Assert.Equal(HttpStatusCode.Forbidden, byRep.Status);
        otherAccount.AssertProblem(HttpStatusCode.NotFound, "userIds[1]");
        personal.AssertProblem(HttpStatusCode.BadRequest, "id");
        noList.AssertProblem(HttpStatusCode.BadRequest, "userIds");
        Assert.Equal(rep, Assert.Single(done.Json.GetProperty("members").EnumerateArray()).GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await connected.Rep.GetAsync($"/api/mailboxes/{sales.MailboxId}/members")).Status);
        Assert.Equal(rep, Assert.Single((await sales.Admin.GetAsync($"/api/mailboxes/{sales.MailboxId}/members")).Json.GetProperty("members").EnumerateArray()).GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task LogByHand_OfATeamMailboxItem_LogsForAMember_RefusesOthers()
    {
        var sales = await TeamMailbox.CreateAsync(factory);
        var domain = sales.Rep.Email[(sales.Rep.Email.IndexOf('@') + 1)..];
        var outsider = await CrmClient.SignInAsync(factory, $"lee-{Guid.NewGuid():N}@{domain}");
        await sales.MembersAsync(sales.Rep);
        var megan = await sales.Rep.ContactAsync("megan@fabrikam.com");
        var (id, internetMessageId) = await sales.ReceiveAsync("megan@fabrikam.com", "50 more seats");

        var refused = await outsider.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan }, mailbox = sales.Address });
        var notConnected = await sales.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan }, mailbox = $"nobody@{domain}" });
        var ownMailbox = await sales.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan } });
        var logged = await sales.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan }, mailbox = sales.Address });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(sales.Address, refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        notConnected.AssertProblem(HttpStatusCode.NotFound, "mailbox");
        ownMailbox.AssertProblem(HttpStatusCode.NotFound, "mailbox");
        Assert.True(logged.Status == HttpStatusCode.OK, logged.Text);
        var entry = Assert.Single((await sales.Rep.GetAsync($"/api/records/contact/{megan}/timeline")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal("incoming", entry.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task ReplyContext_OfAnEmailInATeamMailbox_HandsTheTeamsCopyToMembersOnly()
    {
        var sales = await TeamMailbox.CreateAsync(factory);
        var domain = sales.Rep.Email[(sales.Rep.Email.IndexOf('@') + 1)..];
        var outsider = await CrmClient.SignInAsync(factory, $"lee-{Guid.NewGuid():N}@{domain}");
        await sales.MembersAsync(sales.Rep);
        var megan = await sales.Rep.ContactAsync("megan@fabrikam.com");
        var (id, internetMessageId) = await sales.ReceiveAsync("megan@fabrikam.com", "50 more seats");
        var emailId = (await sales.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = id, associations = new[] { megan }, mailbox = sales.Address })).Json.GetProperty("emailId").GetGuid();

        var member = (await sales.Rep.GetAsync($"/api/emails/{emailId}/reply-context")).Json;
        var other = (await outsider.GetAsync($"/api/emails/{emailId}/reply-context")).Json;

        Assert.Equal(id, member.GetProperty("messageId").GetString());
        Assert.Equal("AQMk" + id[4..], member.GetProperty("regularMessageId").GetString());
        Assert.Equal(sales.Address, member.GetProperty("mailbox").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("messageId").ValueKind);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("regularMessageId").ValueKind);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("mailbox").ValueKind);
    }

    [Fact]
    public async Task ReplyContext_OfAnEmailTheHelpDeskSent_IsNotFromATeammate()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var domain = rep.Email[(rep.Email.IndexOf('@') + 1)..];
        var helpdesk = await TeamMailbox.CreateAsync(factory, rep, "helpdesk", $"support-{Guid.NewGuid():N}");
        // Someone signed in as the help desk's address too (the demo's support@ does): still a mailbox, not a person.
        await CrmClient.SignInAsync(factory, helpdesk.Address);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var emailId = await factory.LogAsync(rep.AccountId, [megan], DateTimeOffset.UtcNow, from: new Mailbox(helpdesk.Address, "Support"), to: [new Mailbox("megan@fabrikam.com", "Megan Bowen")]);

        var context = (await rep.GetAsync($"/api/emails/{emailId}/reply-context")).Json;

        Assert.Equal(JsonValueKind.Null, context.GetProperty("sentByTeammate").ValueKind);
        Assert.True(context.GetProperty("sentFromTeamMailbox").GetBoolean());
        Assert.StartsWith("support-", helpdesk.Address, StringComparison.Ordinal);
        Assert.EndsWith(domain, helpdesk.Address, StringComparison.Ordinal);
    }
}
