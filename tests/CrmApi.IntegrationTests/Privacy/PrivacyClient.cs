using System.Net;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>The legal-basis calls the rule tests make, over HTTP like the pane and the on-send handler.</summary>
public static class PrivacyClient
{
    public static async Task SetPrivacyAsync(this CrmClient rep, bool enabled, string? unknownRecipients = null, string[]? internalDomains = null)
    {
        var reply = await rep.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled, unknownRecipients, internalDomains });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    public static async Task<Guid> ContactAsync(this CrmClient rep, string address, string name = "Megan Bowen") =>
        await rep.CreateAsync("contact", new { name, emails = new[] { new { address, primary = true } } });

    public static async Task SubscribeAsync(this CrmClient rep, Guid contact, string legalBasis = "legitimateInterestCustomer", string status = "subscribed")
    {
        var reply = await rep.PostAsync($"/api/contacts/{contact}/subscriptions", new { type = "one-to-one", status, legalBasis = status == "subscribed" ? legalBasis : null, explanation = "Customer since 2024" });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    public static async Task OptOutAsync(this CrmClient rep, Guid contact, bool optedOut = true)
    {
        var reply = await rep.PostAsync($"/api/contacts/{contact}/global-opt-out", new { optedOut });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    public static async Task<Guid> OneTimeBasisAsync(this CrmClient rep, Guid contact, bool transactional = false, string? trackingId = null)
    {
        var reply = await rep.PostAsync($"/api/contacts/{contact}/one-time-basis",
            new { legalBasis = "legitimateInterestProspect", explanation = "Asked for a quote at the fair", transactional, trackingId });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SendCheckAsync(this CrmClient rep, string[] to, Guid[]? associations = null, string? trackingId = null, object? startedFrom = null, string[]? cc = null)
    {
        var reply = await rep.PostAsync("/api/compose/send-check", new { trackingId, from = rep.Email, to, cc, associations, startedFrom });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }

    public static async Task<List<JsonElement>> AuditAsync(this CrmClient rep, Guid contact)
    {
        var reply = await rep.GetAsync($"/api/contacts/{contact}/audit");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json.GetProperty("items").EnumerateArray().ToList();
    }

    public static IEnumerable<string> Strings(this JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!);
}
