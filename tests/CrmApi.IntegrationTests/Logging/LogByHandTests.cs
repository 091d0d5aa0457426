using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

/// <summary>"Log this email" from the read pane: POST /api/emails/log.</summary>
public class LogByHandTests(CrmApiFactory factory)
{
    private static async Task<string> StatusAsync(CrmClient rep, string internetMessageId) =>
        (await rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(internetMessageId)}")).Json.GetProperty("status").GetString()!;

    [Fact]
    public async Task ReceivedEmailNotLogged_LoggedByHand_OnceToEachPickedRecord()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var rep = connected.Rep;
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        var received = await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "Question about seats", bodyHtml = "<p>How many?</p>" });
        var internetMessageId = received.GetProperty("internetMessageId").GetString()!;
        var messageId = received.GetProperty("id").GetString()!;
        await Emulator.EventuallyAsync(async () => await StatusAsync(rep, internetMessageId) == "notLogged", "the pipeline's not-logged outcome");

        var first = await rep.PostAsync("/api/emails/log", new { internetMessageId, messageId, associations = new[] { megan } });
        var second = await rep.PostAsync("/api/emails/log", new { internetMessageId, messageId, associations = new[] { megan, deal } });

        Assert.True(first.Status == HttpStatusCode.OK, first.Text);
        Assert.False(first.Json.GetProperty("alreadyLogged").GetBoolean());
        Assert.True(second.Json.GetProperty("alreadyLogged").GetBoolean());
        Assert.Equal(first.Json.GetProperty("emailId").GetGuid(), second.Json.GetProperty("emailId").GetGuid());
        var onContact = Assert.Single(await connected.TimelineAsync("contact", megan));
        Assert.Equal("Email - Question about seats", onContact.GetProperty("title").GetString());
        Assert.Equal("incoming", onContact.GetProperty("direction").GetString());
        Assert.Equal("logged by hand by Test Rep", onContact.GetProperty("loggedBecause").GetString());
        Assert.Single(await connected.TimelineAsync("deal", deal));
        Assert.Equal("logged", await StatusAsync(rep, internetMessageId));
    }

    [Fact]
    public async Task MessageNotInTheRepsMailbox_IsNotFound_AndNothingIsLogged()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var megan = await connected.Rep.ContactAsync("megan@fabrikam.com");
        var received = await connected.Emulator.DeliverAsync(connected.Address, new { from = "megan@fabrikam.com", subject = "Hello", bodyHtml = "<p>Hi</p>" });

        // The right message id with another message's Internet Message-ID, and a message id that is not there.
        var mismatched = await connected.Rep.PostAsync("/api/emails/log", new { internetMessageId = "<forged@example.com>", messageId = received.GetProperty("id").GetString(), associations = new[] { megan } });
        var missing = await connected.Rep.PostAsync("/api/emails/log", new { internetMessageId = received.GetProperty("internetMessageId").GetString(), messageId = "AAMk-not-there", associations = new[] { megan } });

        mismatched.AssertProblem(HttpStatusCode.NotFound, "messageId");
        missing.AssertProblem(HttpStatusCode.NotFound, "messageId");
        Assert.Empty(await connected.TimelineAsync("contact", megan));
    }

    [Fact]
    public async Task UnknownRecord_IsNotFoundNamingIt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync("megan@fabrikam.com");

        var reply = await rep.PostAsync("/api/emails/log", new { internetMessageId = "<a@example.com>", messageId = "AAMk1", associations = new[] { megan, Guid.CreateVersion7() } });

        reply.AssertProblem(HttpStatusCode.NotFound, "associations[1]");
    }

    [Fact]
    public async Task InboxNotConnected_IsAProblemNamingTheMailbox()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync("megan@fabrikam.com");

        var reply = await rep.PostAsync("/api/emails/log", new { internetMessageId = "<a@example.com>", messageId = "AAMk1", associations = new[] { megan } });

        reply.AssertProblem(HttpStatusCode.NotFound, "mailbox");
    }

    [Theory]
    [InlineData("""{"messageId":"AAMk1","associations":["{megan}"]}""", "internetMessageId")]
    [InlineData("""{"internetMessageId":"<a@example.com>","associations":["{megan}"]}""", "messageId")]
    [InlineData("""{"internetMessageId":"<a@example.com>","messageId":"AAMk1","associations":[]}""", "associations")]
    public async Task BadInput_IsAProblemNamingTheField(string body, string field)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.ContactAsync("megan@fabrikam.com");

        var reply = await rep.SendAsync(HttpMethod.Post, "/api/emails/log", body.Replace("{megan}", megan.ToString(), StringComparison.Ordinal));

        reply.AssertProblem(HttpStatusCode.BadRequest, field);
    }
}
