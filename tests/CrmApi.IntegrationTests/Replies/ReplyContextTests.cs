using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Replies;

public class ReplyContextTests(CrmApiFactory factory)
{
    [Fact]
    public async Task OwnSentEmail_HasItsIdInTheRepsMailbox_AndNoTeammateNote()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var megan = await connected.Rep.ContactAsync("megan@fabrikam.com");
        await connected.IntentAsync("t-reply-1", [megan]);
        var sent = await connected.SendAsync("t-reply-1", "Pricing");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", megan)).Count == 1, "the sent email logged");
        var emailId = (await connected.TimelineAsync("contact", megan))[0].GetProperty("emailId").GetGuid();

        var context = (await connected.Rep.GetAsync($"/api/emails/{emailId}/reply-context")).Json;

        Assert.Equal(sent.GetProperty("id").GetString(), context.GetProperty("messageId").GetString());
        // The regular REST id, read from Graph without Prefer: IdType="ImmutableId" (the emulator's default form is AQMk…):
        // what Outlook's forms are documented with (issue 18, item 9).
        Assert.Equal("AQMk" + sent.GetProperty("id").GetString()![4..], context.GetProperty("regularMessageId").GetString());
        Assert.Equal(sent.GetProperty("internetMessageId").GetString(), context.GetProperty("internetMessageId").GetString());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("sentByTeammate").ValueKind);
        Assert.Equal("Pricing", context.GetProperty("subject").GetString());
        Assert.Equal(megan, Assert.Single(context.GetProperty("associations").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TeammatesEmail_NotInTheRepsMailbox_SaysAReplyGoesToTheTeammate()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var domain = rep.Email[(rep.Email.IndexOf('@') + 1)..];
        var teammate = await CrmClient.SignInAsync(factory, $"kim@{domain}");
        Assert.Equal(rep.AccountId, teammate.AccountId);
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var emailId = await factory.LogAsync(rep.AccountId, [megan], DateTimeOffset.UtcNow, from: new Mailbox($"kim@{domain}", "Kim Akers"), to: [new Mailbox("megan@fabrikam.com", "Megan Bowen")]);

        var context = (await rep.GetAsync($"/api/emails/{emailId}/reply-context")).Json;

        Assert.Equal(JsonValueKind.Null, context.GetProperty("messageId").ValueKind);
        Assert.Equal($"kim@{domain}", context.GetProperty("sentByTeammate").GetProperty("address").GetString());
        // The teammate's own view: their email, no note.
        var own = (await teammate.GetAsync($"/api/emails/{emailId}/reply-context")).Json;
        Assert.Equal(JsonValueKind.Null, own.GetProperty("sentByTeammate").ValueKind);
    }

    [Fact]
    public async Task UnknownOrBadId_IsAProblemNamingTheId()
    {
        var rep = await CrmClient.SignInAsync(factory);

        (await rep.GetAsync($"/api/emails/{Guid.CreateVersion7()}/reply-context")).AssertProblem(HttpStatusCode.NotFound, "id");
        (await rep.GetAsync("/api/emails/not-an-id/reply-context")).AssertProblem(HttpStatusCode.BadRequest, "id");
    }
}
