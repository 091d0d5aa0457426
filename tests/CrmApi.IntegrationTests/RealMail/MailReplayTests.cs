using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>
/// Every real message of ../shared/corpus/mail delivered through the emulator into a new rep's mailbox — into a thread
/// the rep logged where <see cref="CorpusExpectations"/> says so — and decided by the logging rules as the table says,
/// with no 5xx and no error in the log. What the pipeline leaves off the timeline the rep then logs by hand, so every
/// body, encoding and attachment list also goes through the writer.
/// </summary>
public class MailReplayTests(RealMailFactory factory) : IClassFixture<RealMailFactory>
{
    public static TheoryData<string> Files()
    {
        var files = Corpus.MailFiles.Select(Path.GetFileName).OfType<string>().ToList();
        // Without the corpus there is one case, and it shows as skipped with the reason (never as passed).
        return files.Count == 0 ? new TheoryData<string>("(corpus absent)") : new TheoryData<string>(files);
    }

    [Fact]
    public void EveryCorpusFileHasAnExpectedOutcome_AndEveryExpectationAFile()
    {
        Corpus.Require();
        var files = Corpus.MailFiles.Select(Path.GetFileName).ToList();

        Assert.Empty(files.Except(CorpusExpectations.ByFile.Keys));
        Assert.Empty(CorpusExpectations.ByFile.Keys.Except(files));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replayed_DecidedAsTheTableSays_WithoutAnError(string file)
    {
        var path = Corpus.MailFile(file);
        var expected = CorpusExpectations.ByFile[file];
        var errorsBefore = factory.Errors().Count;
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var deal = await connected.Rep.CreateAsync("deal", new { name = $"Corpus {file}" });
        var raw = SmtpForm.Of(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        if (expected.Arrival == Arrival.InThread)
        {
            raw = ThreadingHeaders.AsReplyTo(raw, await LoggedEmailAsync(connected, deal));
        }

        var (status, answer) = await connected.Emulator.DeliverMimeAsync(connected.Address, raw);

        if (expected.Arrival == Arrival.Refused)
        {
            Assert.True(status == HttpStatusCode.BadRequest, $"{file}: deliver-mime answered {status}: {answer}");
            Assert.Equal("refused", expected.Outcome);
            return;
        }
        Assert.True(status == HttpStatusCode.Created, $"{file}: deliver-mime answered {status}: {answer}");
        var delivered = JsonDocument.Parse(answer).RootElement;
        var internetMessageId = delivered.GetProperty("internetMessageId").GetString()!;
        var decided = await DecidedAsync(connected.Rep, internetMessageId);
        Assert.Equal(expected.Outcome, await DescribeAsync(connected.Rep, decided));
        if (decided.GetProperty("status").GetString() != "logged")
        {
            var byHand = await connected.Rep.PostAsync("/api/emails/log", new { internetMessageId, messageId = delivered.GetProperty("id").GetString(), associations = new[] { deal } });
            Assert.True(byHand.Status == HttpStatusCode.OK, $"{file}: logging by hand gave {byHand.Status}: {byHand.Text}");
        }
        Assert.Contains(await connected.TimelineAsync("deal", deal), item => item.GetProperty("direction").GetString() == "incoming");
        Assert.Equal([], factory.Errors().Skip(errorsBefore));
    }

    /// <summary>The rep's email to the customer, logged to the deal through the pane's intent: the thread a reply lands in.</summary>
    private static async Task<string> LoggedEmailAsync(ConnectedRep connected, Guid deal)
    {
        var trackingId = $"t-{Guid.NewGuid():N}";
        await connected.IntentAsync(trackingId, [deal]);
        var sent = await connected.SendAsync(trackingId, subject: "Our proposal", to: "customer@corpus.example.net");
        var internetMessageId = sent.GetProperty("internetMessageId").GetString()!;
        var status = await DecidedAsync(connected.Rep, internetMessageId);
        Assert.Equal("logged", status.GetProperty("status").GetString());
        return internetMessageId;
    }

    private static async Task<JsonElement> DecidedAsync(CrmClient rep, string internetMessageId)
    {
        var path = $"/api/emails/status?internetMessageId={Uri.EscapeDataString(internetMessageId)}";
        JsonElement status = default;
        await Emulator.EventuallyAsync(async () =>
        {
            status = (await rep.GetAsync(path)).Json;
            return status.GetProperty("status").GetString() != "pending";
        }, $"an outcome for {internetMessageId}");
        return status;
    }

    private static async Task<string> DescribeAsync(CrmClient rep, JsonElement status)
    {
        if (status.GetProperty("status").GetString() != "logged")
        {
            return $"not logged: {status.GetProperty("reason").GetString()}";
        }
        var email = await rep.GetAsync($"/api/emails/{status.GetProperty("emailId").GetGuid()}");
        return $"logged {email.Json.GetProperty("kind").GetString()}";
    }
}
