using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Overview;

/// <summary>The admin overview as the console reads it, over real HTTP.</summary>
public static class OverviewClient
{
    public static async Task<JsonElement> OverviewAsync(this CrmClient admin)
    {
        var reply = await admin.GetAsync("/api/admin/overview");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }

    /// <summary>The connected mailbox's entry in its account's overview.</summary>
    public static async Task<JsonElement> FlowAsync(this ConnectedRep connected) =>
        (await connected.Rep.OverviewAsync()).GetProperty("mailboxes").EnumerateArray().Single(mailbox => mailbox.GetProperty("id").GetGuid() == connected.MailboxId);

    public static string State(this JsonElement flow) => flow.GetProperty("state").GetString()!;

    /// <summary>The first sync has finished (its walk's finds would otherwise race the notifications the test counts).</summary>
    public static Task FirstSyncDoneAsync(this ConnectedRep connected) =>
        Emulator.EventuallyAsync(async () => (await connected.FlowAsync()).GetProperty("firstSync").ValueKind == JsonValueKind.Null, "the first sync finished");

    public static long Sum(this JsonElement series) => series.EnumerateArray().Sum(value => value.GetInt64());
}
