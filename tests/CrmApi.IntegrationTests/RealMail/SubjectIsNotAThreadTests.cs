using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>
/// The held-out rule on real mail: intent, then thread, then conversation — never the subject. A real "Re:" whose
/// subject is that of a logged email, but which names no logged message, is not logged.
/// </summary>
public class SubjectIsNotAThreadTests(CrmApiFactory factory)
{
    [Fact]
    public async Task RealReplyWithALoggedSubjectButNoThreadingHeaders_NotLogged()
    {
        var raw = SmtpForm.Of(await File.ReadAllBytesAsync(Corpus.MailFile("f88ed2d5-raw_email_reply.eml"), TestContext.Current.CancellationToken));
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var deal = await connected.Rep.CreateAsync("deal", new { name = "Subject only" });
        var trackingId = $"t-{Guid.NewGuid():N}";
        await connected.IntentAsync(trackingId, [deal]);
        // The corpus message answers "Test reply email": the rep's logged email has exactly that subject.
        var sent = await connected.SendAsync(trackingId, subject: "Test reply email", to: "xxxxxxxx@xxx.org");
        await Emulator.EventuallyAsync(async () => await StatusAsync(connected.Rep, sent.GetProperty("internetMessageId").GetString()!) == "logged", "the rep's email logged");

        var (delivered, answer) = await connected.Emulator.DeliverMimeAsync(connected.Address, ThreadingHeaders.Without(raw));
        Assert.Equal(HttpStatusCode.Created, delivered);
        var reply = JsonDocument.Parse(answer).RootElement;
        var internetMessageId = reply.GetProperty("internetMessageId").GetString()!;
        await Emulator.EventuallyAsync(async () => await StatusAsync(connected.Rep, internetMessageId) != "pending", "the reply decided");

        var status = (await connected.Rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(internetMessageId)}")).Json;
        Assert.Equal("notLogged", status.GetProperty("status").GetString());
        Assert.Equal("not in a logged thread and no log intent", status.GetProperty("reason").GetString());
        Assert.Single(await connected.TimelineAsync("deal", deal));
    }

    private static async Task<string> StatusAsync(CrmClient rep, string internetMessageId) =>
        (await rep.GetAsync($"/api/emails/status?internetMessageId={Uri.EscapeDataString(internetMessageId)}")).Json.GetProperty("status").GetString()!;
}
