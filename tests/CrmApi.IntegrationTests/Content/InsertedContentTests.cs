using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Content;

/// <summary>What the rep inserted is registered with the log intent and named on the timeline entry of the email.</summary>
public class InsertedContentTests(CrmApiFactory factory)
{
    [Fact]
    public async Task InsertedTemplateAndQuote_NamedOnTheTimeline_KeptWhenALaterPutLeavesThemOut()
    {
        var connected = await ConnectedRep.CreateAsync(factory, await CrmClient.SignInAsync(factory));
        var rep = connected.Rep;
        var megan = await rep.ContactAsync("megan@fabrikam.com");
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        var template = (await rep.PostAsync("/api/content", new { kind = "template", name = "Pricing follow-up", bodyHtml = "<p>Hi</p>" })).Json.GetProperty("id").GetGuid();
        var quote = (await rep.PostAsync("/api/content", new
        {
            kind = "quote",
            name = "200 seats",
            dealId = deal,
            quote = new { currency = "EUR", lineItems = new[] { new { name = "Seat", quantity = 200, unitPrice = 10 } }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) },
        })).Json.GetProperty("id").GetGuid();

        var put = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-inserted", new { log = true, associations = new[] { megan }, inserted = new[] { template, quote } });
        var later = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-inserted", new { log = true, associations = new[] { megan, deal } });
        await connected.SendAsync("t-inserted", "Pricing");

        Assert.Equal(["Template: Pricing follow-up", "Quote: 200 seats"], put.Json.GetProperty("inserted").EnumerateArray().Select(label => label.GetString()));
        Assert.Equal(2, later.Json.GetProperty("inserted").GetArrayLength());
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("deal", deal)).Count == 1, "the email on the deal's timeline");
        var entry = Assert.Single(await connected.TimelineAsync("contact", megan));
        Assert.Equal(["Template: Pricing follow-up", "Quote: 200 seats"], entry.GetProperty("inserted").EnumerateArray().Select(label => label.GetString()));
        var email = (await rep.GetAsync($"/api/emails/{entry.GetProperty("emailId").GetGuid()}")).Json;
        Assert.Equal(2, email.GetProperty("inserted").GetArrayLength());
    }

    [Fact]
    public async Task InsertedItemNotVisibleToTheRep_IsNotFound_AndTheIntentIsNotChanged()
    {
        var owner = await CrmClient.SignInAsync(factory);
        var secret = (await owner.PostAsync("/api/content", new { kind = "snippet", name = "Private", bodyHtml = "<p>mine</p>" })).Json.GetProperty("id").GetGuid();
        var rep = await CrmClient.SignInAsync(factory, $"kim@{owner.Email[(owner.Email.IndexOf('@') + 1)..]}");

        var reply = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-private", new { log = true, associations = Array.Empty<Guid>(), inserted = new[] { secret } });

        reply.AssertProblem(HttpStatusCode.NotFound, "inserted[0]");
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync("/api/log-intents/t-private")).Status);
    }
}
