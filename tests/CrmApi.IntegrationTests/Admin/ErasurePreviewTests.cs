using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>
/// Issue 19, Privacy page: "see what erasure will remove, confirm". The preview counts by the erasure's own rules
/// (the erasure then does exactly that), writes nothing, and is an admin's only, of their own account's contacts.
/// </summary>
public class ErasurePreviewTests(CrmApiFactory factory)
{
    private const string Private = "megan.private@outlook.com";

    private sealed record World(CrmClient Admin, Guid Megan, Guid Alone);

    private async Task<World> CreateAsync()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var me = new Mailbox(admin.Email, "Admin");
        var megan = await admin.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "Megan@Fabrikam.com", primary = true }, new { address = Private, primary = false } } });
        var lee = await admin.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var deal = await admin.CreateAsync("deal", new { name = "200 seats" });
        await admin.AssociateAsync(megan, deal);
        await admin.OptOutAsync(megan);
        var start = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        var alone = await factory.LogAsync(admin.AccountId, [megan, deal], start, subject: "Your quote", from: me, to: [new Mailbox("Megan@Fabrikam.com", "Megan Bowen")], cc: []);
        await factory.LogAsync(admin.AccountId, [megan, lee], start.AddHours(1), subject: "Meeting", from: me,
            to: [new Mailbox("megan@fabrikam.com", "Megan Bowen")], cc: [new Mailbox("lee@northwind.example.com", "Lee Gu")]);
        await factory.LogAsync(admin.AccountId, [lee], start.AddHours(2), subject: "Re: Meeting", from: new Mailbox(Private, "Megan Bowen"), to: [me], cc: []);
        return new World(admin, megan, alone);
    }

    [Fact]
    public async Task Preview_CountsWhatTheErasureThenDoes_AndWritesNothing()
    {
        var world = await CreateAsync();
        var admin = world.Admin;

        var preview = await admin.GetAsync($"/api/contacts/{world.Megan}/erase/preview");
        var again = await admin.GetAsync($"/api/contacts/{world.Megan}/erase/preview");

        Assert.True(preview.Status == HttpStatusCode.OK, preview.Text);
        Assert.Equal(preview.Text, again.Text);
        var json = preview.Json;
        Assert.Equal("Megan Bowen", json.GetProperty("name").GetString());
        Assert.Equal([Private, "megan@fabrikam.com"], json.GetProperty("addresses").Strings().Order());
        Assert.Equal(2, json.GetProperty("addressesSuppressed").GetInt32());
        Assert.Equal(1, json.GetProperty("emailsDeleted").GetInt32());
        Assert.Equal(2, json.GetProperty("emailsRedacted").GetInt32());
        var related = json.GetProperty("related");
        Assert.Equal(1, related.GetProperty("associations").GetInt32());
        Assert.Equal(2, related.GetProperty("timelineEntries").GetInt32());
        Assert.Equal(1, related.GetProperty("legalBasisRows").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/records/contact/{world.Megan}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/emails/{world.Alone}")).Status);
        Assert.Equal(0, await factory.CountRowsAsync("erased_addresses", admin.AccountId));

        var erased = await admin.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        Assert.Equal(
            (json.GetProperty("addressesSuppressed").GetInt32(), json.GetProperty("emailsDeleted").GetInt32(), json.GetProperty("emailsRedacted").GetInt32()),
            (erased.Json.GetProperty("addressesErased").GetInt32(), erased.Json.GetProperty("emailsDeleted").GetInt32(), erased.Json.GetProperty("emailsRedacted").GetInt32()));
        (await admin.GetAsync($"/api/contacts/{world.Megan}/erase/preview")).AssertProblem(HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Preview_RefusesARep_AnotherAccountsContact_AndABadId()
    {
        var world = await CreateAsync();
        var rep = await CrmClient.SignInAsync(factory, $"seller@{world.Admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var stranger = await CrmClient.SignInAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/api/contacts/{world.Megan}/erase/preview")).Status);
        var theirs = await stranger.GetAsync($"/api/contacts/{world.Megan}/erase/preview");
        theirs.AssertProblem(HttpStatusCode.NotFound, "id");
        Assert.DoesNotContain("Megan", theirs.Text, StringComparison.Ordinal);
        (await world.Admin.GetAsync("/api/contacts/not-an-id/erase/preview")).AssertProblem(HttpStatusCode.BadRequest, "id");
    }
}
