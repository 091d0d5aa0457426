using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// Connecting a mailbox as a real tenant lets it (issue 18, items 1, 2, 5, 6 and 10): with Mail.Read and no directory
/// permission, inside an access policy, by a UPN that is not the SMTP address, on a mailbox full of old mail, under
/// throttling, and after a connection left half-made. Each test has an API and emulator of its own (faults are global).
/// </summary>
public class FirstTenantConnectTests
{
    [Fact]
    public async Task OnlyMailReadNoDirectory_AdminAndRepBothConnect()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var team = await emulator.MailboxAsync();
        var rep = await CrmClient.SignInAsync(factory, roles: ["Crm.User"]);
        await emulator.MailboxAsync(rep.Email, rep.ObjectId);
        await emulator.ControlAsync("/_emulator/access-policy", new { mailboxes = (string[]?)null, directory = false });

        var teamConnected = await admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" });
        var own = await rep.PostAsync("/api/mailboxes", new { kind = "personal" });

        Assert.True(teamConnected.Status == HttpStatusCode.Created, teamConnected.Text);
        Assert.True(own.Status == HttpStatusCode.Created, own.Text);
        // Graph would not name the rep's address (no directory read): the token's, for the mailbox read by its oid.
        Assert.Equal(rep.Email, own.Json.GetProperty("address").GetString());
        Assert.Equal(2, own.Json.GetProperty("subscriptions").GetArrayLength());
    }

    [Fact]
    public async Task MailboxOutsideTheAccessPolicy_RefusedWithTheFix_NothingKept()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var inside = await emulator.MailboxAsync();
        var outside = await emulator.MailboxAsync();
        await emulator.ControlAsync("/_emulator/access-policy", new { mailboxes = new[] { inside }, directory = false });

        var refused = await admin.PostAsync("/api/mailboxes", new { address = outside, kind = "team" });
        var connected = await admin.PostAsync("/api/mailboxes", new { address = inside, kind = "team" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("RBAC for Applications", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("ErrorAccessDenied", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
        Assert.Single((await admin.GetAsync("/api/mailboxes")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SubscriptionsRefusedInsideTheScope_RefusedWithTheFix_NothingKept_ThenARetryWorks()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var team = await emulator.MailboxAsync();
        await emulator.ControlAsync("/_emulator/access-policy", new { mailboxes = new[] { team }, subscriptions = false });

        var refused = await admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("2 hours", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/mailboxes")).Json.GetProperty("items").EnumerateArray());
        Assert.Empty(await emulator.SubscriptionsAsync());
        Assert.Equal(0, await CountAsync(factory, "mailboxes"));

        await emulator.ControlAsync("/_emulator/access-policy", new { mailboxes = new[] { team }, subscriptions = true });
        var retried = await admin.PostAsync("/api/mailboxes", new { address = team, kind = "team" });
        Assert.True(retried.Status == HttpStatusCode.Created, retried.Text);
    }

    [Fact]
    public async Task UpnDiffersFromTheAddress_ConnectedByItsUserId_MailToAnAliasLogged()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var address = $"sales{Guid.NewGuid():N}@contoso.example.com";
        var upn = $"sales.team.{Guid.NewGuid():N}@contoso.onmicrosoft.com";
        var alias = $"deals{Guid.NewGuid():N}@contoso.example.com";
        await emulator.ControlAsync("/_emulator/mailboxes", new { address, displayName = "Sales", userPrincipalName = upn, aliases = new[] { alias } }, HttpStatusCode.Created);
        await emulator.ControlAsync("/_emulator/access-policy", new { directory = false });

        var byAddress = await admin.PostAsync("/api/mailboxes", new { address, kind = "helpdesk" });
        var byUpn = await admin.PostAsync("/api/mailboxes", new { address, kind = "helpdesk", userId = upn });

        byAddress.AssertProblem(HttpStatusCode.NotFound, "address");
        Assert.Contains("userId", byAddress.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(byUpn.Status == HttpStatusCode.Created, byUpn.Text);
        Assert.Equal(address, byUpn.Json.GetProperty("address").GetString());
        // Mail to its alias reaches its Inbox and is read from Graph by the UPN (an outcome says the rules saw it);
        // a reply sent from the help desk is logged (a help-desk send makes a ticket).
        await emulator.DeliverAsync(alias, new { from = "customer@fabrikam.com", to = new[] { alias }, subject = "My order is late", bodyHtml = "<p>Help</p>" });
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("message_outcomes", admin.AccountId) == 1, "the alias's email read by the UPN");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/log-intents/t-upn", new { log = true, associations = Array.Empty<Guid>() })).Status);
        await emulator.SendAsync(address, new
        {
            to = new[] { "customer@fabrikam.com" },
            subject = "Re: My order is late",
            bodyHtml = "<p>On its way</p>",
            internetHeaders = new Dictionary<string, string> { ["x-outlookcrm-tracking"] = "t-upn" },
            customProperties = new Dictionary<string, string> { ["trackingId"] = "t-upn" },
        });
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", admin.AccountId) == 1, "the help-desk reply logged");
    }

    [Fact]
    public async Task MailboxOf20000OldItems_ConnectWalksNothing_TheFirstSyncFinishesInTheBackground()
    {
        await using var factory = await StartAsync(("Ingestion:KeeperInterval", "01:00:00"));
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var address = await emulator.MailboxAsync();
        await emulator.ControlAsync($"/_emulator/mailboxes/{address}/prefill", new { count = 20_000, days = 400 }, HttpStatusCode.Created);
        var before = Requests(await emulator.StatsAsync());

        var connected = await admin.PostAsync("/api/mailboxes", new { address, kind = "team" });

        Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
        // The probe, the user and two subscriptions: not one of the 200 delta pages of the folder.
        Assert.InRange(Requests(await emulator.StatsAsync()) - before, 3, 6);
        var sync = connected.Json.GetProperty("sync").EnumerateArray().ToList();
        Assert.Equal(["inbox", "sentitems"], sync.Select(s => s.GetProperty("folder").GetString()));
        Assert.All(sync, s => Assert.Equal("firstsync", s.GetProperty("kind").GetString()));
        Assert.All(sync, s => Assert.Equal("pending", s.GetProperty("status").GetString()));

        // The keeper (asleep for this test) runs the walks, a few pages per run, until both are done.
        var keeper = factory.Services.GetServices<IHostedService>().OfType<SubscriptionKeeper>().Single();
        var health = default(JsonElement);
        await Emulator.EventuallyAsync(async () =>
        {
            await keeper.RunOnceAsync(TestContext.Current.CancellationToken);
            health = (await admin.GetAsync($"/api/mailboxes/{connected.Json.GetProperty("id").GetGuid()}/health")).Json;
            return health.GetProperty("sync").EnumerateArray().All(s => s.GetProperty("status").GetString() == "done");
        }, "the first sync done", TimeSpan.FromSeconds(120));
        // Only mail since the connection: none of the 20,000 old items was queued.
        Assert.All(health.GetProperty("sync").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("itemsQueued").GetInt64()));
        Assert.Equal(0, health.GetProperty("backlog").GetInt64() + health.GetProperty("done").GetInt64());
        Assert.Equal(2, await CountAsync(factory, "delta_links"));
    }

    [Fact]
    public async Task ImportTheLastDays_BoundedAndAdminOnly_QueuesOnlyThoseDays()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, roles: ["Crm.User"]);
        await emulator.MailboxAsync(rep.Email, rep.ObjectId);
        var address = await emulator.MailboxAsync();
        // 40 old messages, one every half day: 19 of them fall in the last 10 days (the newest is a minute old).
        await emulator.ControlAsync($"/_emulator/mailboxes/{address}/prefill", new { count = 40, days = 20 }, HttpStatusCode.Created);

        (await admin.PostAsync("/api/mailboxes", new { address, kind = "team", importDays = 91 })).AssertProblem(HttpStatusCode.BadRequest, "importDays");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/mailboxes", new { kind = "personal", importDays = 5 })).Status);
        var connected = await admin.PostAsync("/api/mailboxes", new { address, kind = "team", importDays = 10 });
        Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
        var id = connected.Json.GetProperty("id").GetGuid();

        await Emulator.EventuallyAsync(async () => Sync(await admin.GetAsync($"/api/mailboxes/{id}/health"), "firstsync", "inbox") is { } inbox
            && inbox.GetProperty("status").GetString() == "done", "the first sync with 10 days of history done", TimeSpan.FromSeconds(60));
        var health = await admin.GetAsync($"/api/mailboxes/{id}/health");
        Assert.Equal(19, Sync(health, "firstsync", "inbox")!.Value.GetProperty("itemsQueued").GetInt64());

        // A later import of 15 days walks the folder again, leaving the stored delta link as it was.
        var link = await ScalarAsync<string>(factory, $"SELECT delta_link FROM delta_links WHERE mailbox_id = '{Key(id)}' AND folder = 'inbox'");
        (await admin.PostAsync($"/api/mailboxes/{id}/import", new { days = 0 })).AssertProblem(HttpStatusCode.BadRequest, "days");
        var imported = await admin.PostAsync($"/api/mailboxes/{id}/import", new { days = 15 });
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Text);
        await Emulator.EventuallyAsync(async () => Sync(await admin.GetAsync($"/api/mailboxes/{id}/health"), "import", "inbox") is { } inbox
            && inbox.GetProperty("status").GetString() == "done", "the import done", TimeSpan.FromSeconds(60));
        Assert.Equal(29, Sync(await admin.GetAsync($"/api/mailboxes/{id}/health"), "import", "inbox")!.Value.GetProperty("itemsQueued").GetInt64());
        Assert.Equal(link, await ScalarAsync<string>(factory, $"SELECT delta_link FROM delta_links WHERE mailbox_id = '{Key(id)}' AND folder = 'inbox'"));
    }

    [Fact]
    public async Task GraphThrottlesTheConnect_503WithItsRetryAfter_NothingKept_ThenARetryWorks()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var address = await emulator.MailboxAsync();
        await emulator.FaultsAsync(new { throttleNext = 1, retryAfterSeconds = 7 });

        using var throttled = await admin.Http.PostAsJsonAsync("/api/mailboxes", new { address, kind = "team" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(factory, "mailboxes"));
        var retried = await admin.PostAsync("/api/mailboxes", new { address, kind = "team" });
        Assert.True(retried.Status == HttpStatusCode.Created, retried.Text);
    }

    [Fact]
    public async Task AConnectionLeftHalfMade_IsReplacedByTheNextTry_ButNotOneUnderWay()
    {
        await using var factory = await StartAsync();
        var emulator = new Emulator(factory);
        var admin = await CrmClient.SignInAsync(factory);
        var address = await emulator.MailboxAsync();
        var first = await admin.PostAsync("/api/mailboxes", new { address, kind = "team" });
        var id = first.Json.GetProperty("id").GetGuid();

        // As if the process had stopped between the row and its subscriptions, a minute ago: a connection under way.
        await ExecuteAsync(factory, $"UPDATE mailboxes SET connect_state = 'connecting', connected_at = '{DateTimeOffset.UtcNow.AddMinutes(-1):O}' WHERE id = '{Key(id)}'");
        (await admin.PostAsync("/api/mailboxes", new { address, kind = "team" })).AssertProblem(HttpStatusCode.BadRequest, "address");

        // Ten minutes ago: left behind, so the next try replaces it (its Graph subscriptions deleted with it).
        await ExecuteAsync(factory, $"UPDATE mailboxes SET connected_at = '{DateTimeOffset.UtcNow.AddMinutes(-10):O}' WHERE id = '{Key(id)}'");
        var retried = await admin.PostAsync("/api/mailboxes", new { address, kind = "team" });

        Assert.True(retried.Status == HttpStatusCode.Created, retried.Text);
        Assert.NotEqual(id, retried.Json.GetProperty("id").GetGuid());
        var inGraph = (await emulator.SubscriptionsAsync()).Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(2, inGraph.Count);
        Assert.All(first.Json.GetProperty("subscriptions").EnumerateArray(), s => Assert.DoesNotContain(s.GetProperty("graphSubscriptionId").GetString(), inGraph));
    }

    private static async Task<CrmApiFactory> StartAsync(params (string Key, string Value)[] settings)
    {
        var factory = new SettingsFactory(settings);
        await factory.InitializeAsync();
        return factory;
    }

    /// <summary>A Guid as SQLite holds it (upper-case text, see Platform/Data/TypeHandlers).</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private static long Requests(JsonElement stats) => stats.GetProperty("graphRequests").GetInt64();

    private static JsonElement? Sync(Reply health, string kind, string folder) =>
        health.Json.GetProperty("sync").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == kind && s.GetProperty("folder").GetString() == folder)
            .Select(s => (JsonElement?)s).FirstOrDefault();

    private static Task<long> CountAsync(CrmApiFactory factory, string table) => ScalarAsync<long>(factory, $"SELECT COUNT(*) FROM {table}");

    private static async Task<T> ScalarAsync<T>(CrmApiFactory factory, string sql)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static async Task ExecuteAsync(CrmApiFactory factory, string sql)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(1, await connection.ExecuteAsync(sql));
    }
}
