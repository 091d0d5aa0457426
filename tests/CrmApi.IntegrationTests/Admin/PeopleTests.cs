using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>
/// Issue 19, the People page: users who signed in, the roles of their last token, when last seen (written at most once
/// every few minutes, not per request), the mailboxes they own or connected; paged; an admin's only, one account's only.
/// </summary>
public class PeopleTests(CrmApiFactory factory)
{
    private static async Task<List<JsonElement>> AllPeopleAsync(CrmClient admin, int limit = 100)
    {
        var people = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync($"/api/admin/people?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Status == HttpStatusCode.OK, page.Text);
            people.AddRange(page.Json.GetProperty("items").EnumerateArray());
            cursor = page.Json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return people;
    }

    private async Task<string?> LastSeenInDatabaseAsync(CrmClient client)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<string>(
            "SELECT last_seen_at FROM users WHERE object_id = @ObjectId", new { client.ObjectId });
    }

    [Fact]
    public async Task People_ListsUsersWithTheirRolesLastSeenAndMailboxes_PagedByName()
    {
        var admin = await CrmClient.SignInAsync(factory, roles: ["Crm.Admin", "Crm.User"]);
        var domain = admin.Email.Split('@')[1];
        var rep = await CrmClient.SignInAsync(factory, $"seller@{domain}", roles: ["Crm.User"]);
        var other = await CrmClient.SignInAsync(factory, $"buyer@{domain}", roles: ["Crm.User"]);
        var emulator = new Emulator(factory);
        await emulator.MailboxAsync(rep.Email, rep.ObjectId);
        var team = await emulator.MailboxAsync($"sales@{domain}");
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsync("/api/mailboxes", new { kind = "personal" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" })).Status);

        var people = await AllPeopleAsync(admin, limit: 1);

        Assert.Equal(3, people.Count);
        Assert.Equal(3, people.Select(person => person.GetProperty("id").GetGuid()).Distinct().Count());
        var seller = people.Single(person => person.GetProperty("email").GetString() == rep.Email);
        Assert.Equal(["Crm.User"], seller.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.True(seller.GetProperty("lastSeenAt").ValueKind == JsonValueKind.String, seller.ToString());
        var own = Assert.Single(seller.GetProperty("mailboxes").EnumerateArray());
        Assert.Equal((rep.Email, "personal", "owner"), (own.GetProperty("address").GetString(), own.GetProperty("kind").GetString(), own.GetProperty("relation").GetString()));
        var theAdmin = people.Single(person => person.GetProperty("email").GetString() == admin.Email);
        Assert.Equal(["Crm.Admin", "Crm.User"], theAdmin.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        var connected = Assert.Single(theAdmin.GetProperty("mailboxes").EnumerateArray());
        Assert.Equal((team, "connectedBy"), (connected.GetProperty("address").GetString(), connected.GetProperty("relation").GetString()));
        Assert.Empty(people.Single(person => person.GetProperty("email").GetString() == other.Email).GetProperty("mailboxes").EnumerateArray());
    }

    [Fact]
    public async Task LastSeen_WrittenOncePerFewMinutes_ButANewRoleAtOnce()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var email = $"seller@{admin.Email.Split('@')[1]}";
        var rep = await CrmClient.SignInAsync(factory, email, roles: ["Crm.User"]);
        var first = await LastSeenInDatabaseAsync(rep);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/me")).Status);
        }

        Assert.NotNull(first);
        Assert.Equal(first, await LastSeenInDatabaseAsync(rep));
        await CrmClient.SignInAsync(factory, email, roles: ["Crm.User", "Crm.Admin"]);
        var promoted = (await AllPeopleAsync(admin)).Single(person => person.GetProperty("email").GetString() == email);
        Assert.Equal(["Crm.Admin", "Crm.User"], promoted.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task People_RefusesARep_AndShowsNoOtherAccountsUsers()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"seller@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var stranger = await CrmClient.SignInAsync(factory);

        var refused = await rep.GetAsync("/api/admin/people");
        var seen = await AllPeopleAsync(stranger);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal([stranger.Email], seen.Select(person => person.GetProperty("email").GetString()));
        (await admin.GetAsync("/api/admin/people?limit=0")).AssertProblem(HttpStatusCode.BadRequest, "limit");
        (await admin.GetAsync("/api/admin/people?cursor=bogus")).AssertProblem(HttpStatusCode.BadRequest, "cursor");
    }
}
