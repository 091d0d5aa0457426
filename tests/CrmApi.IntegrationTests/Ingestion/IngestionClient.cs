using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>A rep with a connected mailbox in the emulator, and the calls the ingestion tests make.</summary>
public sealed record ConnectedRep(CrmClient Rep, Emulator Emulator, string Address, Guid MailboxId, JsonElement Mailbox)
{
    /// <summary>A new rep with a new mailbox; or, given a rep, that rep's own address as the mailbox (as the pane signs in by it).</summary>
    public static async Task<ConnectedRep> CreateAsync(CrmApiFactory factory, CrmClient? signedIn = null)
    {
        var emulator = new Emulator(factory);
        var rep = signedIn ?? await CrmClient.SignInAsync(factory);
        var address = await emulator.MailboxAsync(signedIn?.Email, signedIn?.ObjectId);
        var connected = await rep.PostAsync("/api/mailboxes", new { address, kind = "personal" });
        Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
        return new ConnectedRep(rep, emulator, address, connected.Json.GetProperty("id").GetGuid(), connected.Json);
    }

    public async Task IntentAsync(string trackingId, Guid[] records, bool log = true, string? composeType = null)
    {
        var reply = await Rep.SendAsync(HttpMethod.Put, $"/api/log-intents/{trackingId}", new { log, associations = records, composeType });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    /// <summary>Sends as the pane would stamp it: the custom property and the header, or only one of them.</summary>
    public Task<JsonElement> SendAsync(string trackingId, string subject = "Pricing", bool customProperty = true, bool header = true, string to = "megan@fabrikam.com") =>
        Emulator.SendAsync(Address, new
        {
            to = new[] { to },
            subject,
            bodyHtml = $"<p>{subject}</p>",
            internetHeaders = header ? new Dictionary<string, string> { ["x-outlookcrm-tracking"] = trackingId } : null,
            customProperties = customProperty ? new Dictionary<string, string> { ["trackingId"] = trackingId } : null,
        });

    public async Task<List<JsonElement>> TimelineAsync(string type, Guid record)
    {
        var reply = await Rep.GetAsync($"/api/records/{type}/{record}/timeline?limit=100");
        return reply.Json.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<JsonElement> HealthAsync() => (await Rep.GetAsync($"/api/mailboxes/{MailboxId}/health")).Json;

    public IEnumerable<string> GraphSubscriptionIds() =>
        Mailbox.GetProperty("subscriptions").EnumerateArray().Select(subscription => subscription.GetProperty("graphSubscriptionId").GetString()!);

    public string SubscriptionOf(string folder) =>
        Mailbox.GetProperty("subscriptions").EnumerateArray().Single(subscription => subscription.GetProperty("folder").GetString() == folder).GetProperty("graphSubscriptionId").GetString()!;
}
