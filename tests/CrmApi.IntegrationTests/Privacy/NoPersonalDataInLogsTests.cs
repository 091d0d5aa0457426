using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>
/// A whole working day in one host whose every log entry is kept, at every level (Trace) and of every category, the
/// framework's included: signing in, connecting a mailbox, looking people up, checking and sending an email that is
/// logged through Graph, bad input, a message that fails, erasing the contact. No address, name, subject, body,
/// token or clientState appears in any of them.
/// </summary>
public class NoPersonalDataInLogsTests
{
    private sealed class Factory : CrmApiFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings =>
        [
            ("Logging:LogLevel:Default", "Trace"),
            ("Logging:LogLevel:Microsoft", "Trace"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
            ("Logging:LogLevel:System", "Trace"),
            ("Ingestion:MaxAttempts", "2"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)));
        }
    }

    private const string Contact = "zebediah.quixote@privacy-fabrikam.example.com";
    private const string ContactName = "Zebediah Quixote";
    private const string Subject = "Quarterly pricing Zq7731";
    private const string Body = "Confidential body Zq7731";

    [Fact]
    public async Task A_full_run_logs_no_address_name_subject_body_token_or_client_state_at_any_level()
    {
        var factory = new Factory();
        await using var _ = factory;
        await factory.InitializeAsync();
        var rep = await CrmClient.SignInAsync(factory, "quentin.rep-secret@privacy-contoso.example.com");
        var connected = await ConnectedRep.CreateAsync(factory, rep);
        var contact = await rep.CreateAsync("contact", new { name = ContactName, emails = new[] { new { address = Contact, primary = true } } });
        var deal = await rep.CreateAsync("deal", new { name = "Deal Zq7731" });

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/lookup?email={Contact}&email=unknown.person-zq@privacy-elsewhere.example.com")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.GetAsync($"/api/lookup?email=not-an-address-zq7731")).Status);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync("/api/compose/context", new { to = new[] { Contact } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync("/api/compose/send-check", new { trackingId = "t-privacy", to = new[] { Contact }, associations = new[] { deal } })).Status);
        await connected.IntentAsync("t-privacy", [contact, deal]);
        await connected.Emulator.FaultsAsync(new { poisonSubject = "POISON" });
        await connected.Emulator.SendAsync(connected.Address, new
        {
            to = new[] { Contact },
            subject = Subject,
            bodyHtml = $"<p>{Body}</p>",
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-privacy" },
        });
        await connected.Emulator.SendAsync(connected.Address, new { to = new[] { Contact }, subject = $"POISON {Subject}", bodyHtml = $"<p>{Body}</p>" });
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email logged");
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64() == 1, "the poison message dead-lettered");
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/contacts/{contact}/erase", new { })).Status);

        var logs = factory.Logs.Entries;
        Assert.True(logs.Count > 200, $"only {logs.Count} log entries were captured");
        Assert.Contains(logs, entry => entry.Level == LogLevel.Warning && entry.Category.StartsWith("OutlookCrm", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Level <= LogLevel.Debug && entry.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        string[] personal = [Contact, "zebediah", "quixote", rep.Email, "quentin", "unknown.person-zq", "not-an-address-zq7731", "Zq7731", rep.Token!];
        Assert.Contains(logs, entry => entry.Category.EndsWith("RequestLog", StringComparison.Ordinal) && entry.Text.Contains("GET /api/lookup answered 200", StringComparison.Ordinal));
        // The emulator serves Graph inside this host: the framework's lines about its requests stand for Microsoft's
        // logs, not ours (its paths name mailboxes, as Graph's do). Everything else counts.
        var ours = logs.Where(entry => !(entry.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && entry.Text.Contains("/_emulator/", StringComparison.Ordinal)));
        var leaks = ours.SelectMany(entry => personal.Where(value => entry.Text.Contains(value, StringComparison.OrdinalIgnoreCase))
            .Select(value => $"[{entry.Level} {entry.Category}] '{value}' in: {entry.Text[..Math.Min(300, entry.Text.Length)]}")).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log entries carry personal data:\n{string.Join('\n', leaks.Take(25))}");
    }
}
