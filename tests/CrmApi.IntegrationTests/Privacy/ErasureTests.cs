using System.Net;
using OutlookCrm.CrmApi.Emails;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

public class ErasureTests(CrmApiFactory factory)
{
    private const string Work = "megan@fabrikam.com";
    private const string Private = "megan.private@outlook.com";

    private sealed record World(CrmClient Rep, Guid Megan, Guid Lee, Guid Deal, Guid Alone, Guid Shared, Guid FromMegan);

    private async Task<World> CreateAsync()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var me = new Mailbox(rep.Email, "Rep");
        var megan = await rep.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "Megan@Fabrikam.com", primary = true }, new { address = Private, primary = false } } });
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        await rep.OptOutAsync(megan);
        var start = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        var alone = await factory.LogAsync(rep.AccountId, [megan, deal], start, subject: "Your quote", from: me, to: [new Mailbox("Megan@Fabrikam.com", "Megan Bowen")], cc: []);
        var shared = await factory.LogAsync(rep.AccountId, [megan, lee], start.AddHours(1), subject: $"Meeting (also {Private})",
            body: $"<p>Megan, write to {Private.ToUpperInvariant()} if you prefer.</p>", from: me,
            to: [new Mailbox(Work, "Megan Bowen")], cc: [new Mailbox("lee@northwind.example.com", "Lee Gu")]);
        var fromMegan = await factory.LogAsync(rep.AccountId, [lee], start.AddHours(2), subject: "Re: Meeting",
            from: new Mailbox(Private, "Megan Bowen"), to: [me], cc: []);
        return new World(rep, megan, lee, deal, alone, shared, fromMegan);
    }

    [Fact]
    public async Task Erase_DeletesWhatConcernedTheContactAloneAndRedactsTheRest()
    {
        var world = await CreateAsync();
        var rep = world.Rep;

        var erased = await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Equal(2, erased.Json.GetProperty("addressesErased").GetInt32());
        Assert.Equal(1, erased.Json.GetProperty("emailsDeleted").GetInt32());
        Assert.Equal(2, erased.Json.GetProperty("emailsRedacted").GetInt32());
        (await rep.GetAsync($"/api/records/contact/{world.Megan}")).AssertProblem(HttpStatusCode.NotFound, "id");
        (await rep.GetAsync($"/api/emails/{world.Alone}")).AssertProblem(HttpStatusCode.NotFound, "id");
        var shared = await rep.GetAsync($"/api/emails/{world.Shared}");
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal("erased@redacted.invalid", Assert.Single(shared.Json.GetProperty("to").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal("lee@northwind.example.com", Assert.Single(shared.Json.GetProperty("cc").EnumerateArray()).GetProperty("address").GetString());
        Assert.Contains("[erased]", shared.Json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        var fromMegan = await rep.GetAsync($"/api/emails/{world.FromMegan}");
        Assert.Equal("erased@redacted.invalid", fromMegan.Json.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal(2, (await rep.GetAsync($"/api/records/contact/{world.Lee}/timeline")).Json.GetProperty("items").GetArrayLength());
        Assert.Empty((await rep.GetAsync($"/api/records/deal/{world.Deal}/timeline")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(0, await factory.CountRowsAsync("contact_opt_outs", rep.AccountId));
        Assert.Equal(2, await factory.CountRowsAsync("erased_addresses", rep.AccountId));
    }

    [Fact]
    public async Task Erase_AddressesCannotBeFoundThroughAnyRoute()
    {
        var world = await CreateAsync();
        var rep = world.Rep;
        await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });
        Guid[] ids = [world.Megan, world.Lee, world.Deal, world.Alone, world.Shared, world.FromMegan];
        var queries = $"?q=megan&email={Uri.EscapeDataString(Work)}&email={Uri.EscapeDataString(Private)}";
        var asked = 0;

        foreach (var (_, pattern) in factory.ApiRoutes().Where(route => route.Method == "GET"))
        {
            foreach (var type in new[] { "contact", "deal" })
            {
                foreach (var id in ids)
                {
                    var path = pattern.Replace("{type}", type, StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal) + queries;
                    var reply = await rep.GetAsync(path);
                    asked++;
                    // A lookup answer names the addresses that were asked about; everything else must not hold them.
                    var answer = reply.Text.Replace(Work, "", StringComparison.OrdinalIgnoreCase).Replace(Private, "", StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("megan.private", answer, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("megan@", answer, StringComparison.OrdinalIgnoreCase);
                    if (pattern == "/api/lookup")
                    {
                        Assert.All(reply.Json.GetProperty("results").EnumerateArray(), result => Assert.Empty(result.GetProperty("contacts").EnumerateArray()));
                    }
                }
            }
        }
        Assert.True(asked > 50, $"only {asked} requests were made");
    }

    [Fact]
    public async Task Erase_TheAuditKeepsANonPersonalRecordOfIt()
    {
        var world = await CreateAsync();
        var me = (await world.Rep.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();

        await world.Rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        var trail = await world.Rep.GetAsync($"/api/contacts/{world.Megan}/audit");
        Assert.Equal(HttpStatusCode.OK, trail.Status);
        var entries = trail.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["optedOut", "erased"], entries.Select(entry => entry.GetProperty("event").GetString()));
        Assert.Equal(me, entries[^1].GetProperty("actorUserId").GetGuid());
        Assert.DoesNotContain("megan", trail.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erase_TheAddressIsNeverLoggedOrCreatedAgain()
    {
        var world = await CreateAsync();
        var rep = world.Rep;
        await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        var recreate = await rep.PostAsync("/api/records/contact", new { name = "Megan again", emails = new[] { new { address = "MEGAN@fabrikam.com", primary = true } } });
        var patch = await rep.PatchAsync($"/api/records/contact/{world.Lee}", new { emails = new[] { new { address = "lee@northwind.example.com", primary = true }, new { address = Private, primary = false } } });
        var logged = await factory.LogAsync(rep.AccountId, [world.Lee], DateTimeOffset.UtcNow, from: new Mailbox(Work, "Megan"), to: [new Mailbox(rep.Email, null)], cc: []);

        recreate.AssertProblem(HttpStatusCode.BadRequest, "emails[0].address");
        patch.AssertProblem(HttpStatusCode.BadRequest, "emails[1].address");
        var email = await rep.GetAsync($"/api/emails/{logged}");
        Assert.Equal("erased@redacted.invalid", email.Json.GetProperty("from").GetProperty("address").GetString());
        Assert.Null(email.Json.GetProperty("from").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Erase_AnotherAccountsContactOrANonContact_NotFoundAndNothingChanges()
    {
        var world = await CreateAsync();
        var intruder = await CrmClient.SignInAsync(factory);

        (await intruder.PostAsync($"/api/contacts/{world.Megan}/erase", new { })).AssertProblem(HttpStatusCode.NotFound, "id");
        (await world.Rep.PostAsync($"/api/contacts/{world.Deal}/erase", new { })).AssertProblem(HttpStatusCode.NotFound, "id");

        Assert.Equal(HttpStatusCode.OK, (await world.Rep.GetAsync($"/api/records/contact/{world.Megan}")).Status);
        Assert.Equal(0, await factory.CountRowsAsync("erased_addresses", world.Rep.AccountId));
    }
}
