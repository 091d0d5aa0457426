using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.IntegrationTests.Tenancy;

/// <summary>
/// Every /api route, taken from the app's own endpoint list (a new route is swept without editing this file, or the
/// sweep fails until it is given a sample body), called by a second account with the first account's ids: nothing of
/// the first account comes back, nothing of it changes. And every route refuses a caller with no token, an expired or
/// not-yet-valid one, one for another audience, one signed with another key, one of a tenant not onboarded and one
/// without the API's scope — with problem details, nothing of the account shown and nothing changed.
/// </summary>
public class TenancySweepTests(CrmApiFactory factory)
{
    private static readonly string[] Types = ["contact", "company", "deal", "ticket", "project"];

    private const string AskedAddress = "megan.secret@victim-fabrikam.example.com";

    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["/api/lookup"] = $"?email={AskedAddress}",
        ["/api/records/{type}"] = "?q=Secret",
        ["/api/mailboxes/{id}/reprocess"] = "?since=2020-01-01T00:00:00Z",
        ["/api/emails/status"] = "?trackingId=t-victim",
        ["/api/search"] = "?q=Secret",
        ["/api/cards"] = "?id={id}",
        ["/api/content/{id}/file"] = "?fileName=hijack.txt",
        // An answer echoes the value asked, so a domain that names no secret of the victim.
        ["/api/never-log/preview"] = "?value=newsletters.example.net&scope=account",
    };

    // Routes that take many ids answer with the ones the caller may see (none here) rather than 404 for the rest.
    private static readonly HashSet<string> ListsByIds = new(StringComparer.Ordinal) { "/api/cards" };

    private sealed record Victim(CrmClient Client, Dictionary<string, Guid> Records, Guid AssociationId, Guid EmailId, Guid MailboxId, Guid ContentId, string[] Secrets);

    private async Task<Victim> CreateVictimAsync()
    {
        var victim = await CrmClient.SignInAsync(factory);
        var records = new Dictionary<string, Guid>
        {
            ["contact"] = await victim.CreateAsync("contact", new { name = "Secret Megan", emails = new[] { new { address = "megan.secret@victim-fabrikam.example.com", primary = true } } }),
            ["company"] = await victim.CreateAsync("company", new { name = "Secret Fabrikam", domain = "victim-fabrikam.example.com" }),
            ["deal"] = await victim.CreateAsync("deal", new { name = "Secret deal" }),
            ["ticket"] = await victim.CreateAsync("ticket", new { name = "Secret ticket" }),
        };
        await victim.PostAsync("/api/object-types", new { name = "project", label = "Project" });
        records["project"] = await victim.CreateAsync("project", new { name = "Secret project" });
        var association = await victim.PostAsync("/api/associations", new { fromId = records["contact"], toId = records["company"] });
        await victim.SendAsync(HttpMethod.Put, "/api/settings/privacy", new { enabled = false });
        await victim.PostAsync($"/api/contacts/{records["contact"]}/subscriptions", new { type = "one-to-one", legalBasis = "contract", explanation = "Secret contract" });
        var email = await factory.LogAsync(victim.AccountId, [records["contact"], records["deal"]], DateTimeOffset.UtcNow, subject: "Secret subject", body: "<p>Secret body</p>");
        var mailboxAddress = await new Emulator(factory).MailboxAsync($"victim{Guid.NewGuid():N}@contoso.example.com");
        var mailbox = (await victim.PostAsync("/api/mailboxes", new { address = mailboxAddress, kind = "team" })).Json.GetProperty("id").GetGuid();
        // Its first sync runs in the background: done before the sweep, so what the victim sees stays still.
        await Emulator.EventuallyAsync(async () => (await victim.GetAsync($"/api/mailboxes/{mailbox}/health")).Json.GetProperty("sync").EnumerateArray()
            .All(sync => sync.GetProperty("status").GetString() == "done"), "the victim mailbox's first sync");
        await victim.SendAsync(HttpMethod.Put, "/api/log-intents/t-victim", new { log = true, associations = new[] { records["deal"] } });
        // Shared with everyone in its own account: still nothing of it for another account.
        var content = (await victim.PostAsync("/api/content", new { kind = "template", name = "Secret template", subject = "Secret subject {{contact.firstName}}", bodyHtml = "<p>Secret body</p>", sharing = "everyone" }))
            .Json.GetProperty("id").GetGuid();
        string[] secrets = ["Secret", "victim", victim.AccountId.ToString(), email.ToString(), mailbox.ToString(), content.ToString(), .. records.Values.Select(id => id.ToString())];
        return new Victim(victim, records, association.Json.GetProperty("id").GetGuid(), email, mailbox, content, secrets);
    }

    private IEnumerable<(string Method, string Pattern)> ApiRoutes() => factory.ApiRoutes();

    private static IEnumerable<(string Method, string Path, string? Body)> Requests(Victim victim, Dictionary<string, Guid> own, IEnumerable<(string Method, string Pattern)> routes)
    {
        foreach (var (method, pattern) in routes)
        {
            var key = $"{method} {pattern}";
            var needsBody = method is "POST" or "PATCH" or "PUT";
            Assert.True(!needsBody || SampleBodies.ByRoute.ContainsKey(key), $"The tenancy sweep has no sample body for {key}: add one to SampleBodies.");
            foreach (var type in pattern.Contains("{type}", StringComparison.Ordinal) ? Types : [""])
            {
                var id = pattern switch
                {
                    "/api/associations/{id}" => victim.AssociationId,
                    _ when pattern.StartsWith("/api/emails/{id}", StringComparison.Ordinal) => victim.EmailId,
                    "/api/cards" => victim.Records["contact"],
                    _ when pattern.StartsWith("/api/content/{id}", StringComparison.Ordinal) => victim.ContentId,
                    _ when pattern.StartsWith("/api/contacts/{id}", StringComparison.Ordinal) => victim.Records["contact"],
                    _ when pattern.StartsWith("/api/mailboxes/{id}", StringComparison.Ordinal) => victim.MailboxId,
                    _ => victim.Records.GetValueOrDefault(type),
                };
                var path = (pattern + Queries.GetValueOrDefault(pattern, "")).Replace("{type}", type, StringComparison.Ordinal)
                    .Replace("{id}", id.ToString(), StringComparison.Ordinal)
                    .Replace("{trackingId}", "t-victim", StringComparison.Ordinal)
                    .Replace("{letterId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
                var body = needsBody ? SampleBodies.ByRoute[key] : null;
                foreach (var (name, recordId) in victim.Records)
                {
                    body = body?.Replace($"{{victim:{name}}}", recordId.ToString(), StringComparison.Ordinal);
                }
                foreach (var (name, recordId) in own)
                {
                    body = body?.Replace($"{{own:{name}}}", recordId.ToString(), StringComparison.Ordinal);
                }
                yield return (method, path, body);
            }
        }
    }

    [Fact]
    public async Task EveryApiRoute_SecondAccount_SeesAndChangesNothingOfTheFirst()
    {
        var victim = await CreateVictimAsync();
        var before = await VictimStateAsync(victim);
        var intruder = await CrmClient.SignInAsync(factory);
        var own = new Dictionary<string, Guid> { ["contact"] = await intruder.CreateAsync("contact", new { name = "Intruder's contact" }) };
        // The intruder's own account lets users choose their logging policy, so PUT /api/me/logging runs its whole way.
        Assert.Equal(HttpStatusCode.OK, (await intruder.SendAsync(HttpMethod.Put, "/api/settings/logging", new { usersMayOverride = true })).Status);
        var routes = ApiRoutes().ToList();
        Assert.True(routes.Count >= 12, $"only {routes.Count} /api routes were found");

        foreach (var (method, path, body) in Requests(victim, own, routes))
        {
            var reply = await intruder.SendAsync(new HttpMethod(method), path, body);

            // Lookup answers name the address that was asked about; only what the caller did not send can leak.
            // So do answers about a tracking id (the intruder's own default intent under the same id): the id is the caller's.
            var answer = reply.Text.Replace(AskedAddress, "", StringComparison.OrdinalIgnoreCase).Replace("\"t-victim\"", "\"\"", StringComparison.Ordinal);
            foreach (var secret in victim.Secrets)
            {
                Assert.False(answer.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{method} {path} answered {reply.Status} with '{secret}': {reply.Text}");
            }
            var namesAVictimId = victim.Secrets.Any(secret => Guid.TryParse(secret, out _) && (path + body).Contains(secret, StringComparison.Ordinal));
            if (namesAVictimId && !ListsByIds.Contains(path.Split('?')[0]))
            {
                Assert.True(reply.Status == HttpStatusCode.NotFound, $"{method} {path} gave {reply.Status}, not 404: {reply.Text}");
            }
            else
            {
                Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NotFound, $"{method} {path} gave {reply.Status}: {reply.Text}");
            }
        }

        Assert.Equal(before, await VictimStateAsync(victim));
        foreach (var (type, id) in victim.Records)
        {
            Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync($"/api/records/{type}/{id}")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync($"/api/emails/{victim.EmailId}")).Status);
        Assert.Single((await victim.Client.GetAsync($"/api/records/company/{victim.Records["company"]}/associations")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EveryApiRoute_EvenTheOwnAccount_OnlyAppendsToTheAuditTrail()
    {
        var owner = await CreateVictimAsync();
        var contact = owner.Records["contact"];
        await owner.Client.PostAsync($"/api/contacts/{contact}/global-opt-out", new { optedOut = true });
        var before = await AuditEntriesAsync(owner.Client, contact);
        Assert.Equal(2, before.Count);

        foreach (var (method, path, body) in Requests(owner, owner.Records, ApiRoutes()))
        {
            await owner.Client.SendAsync(new HttpMethod(method), path, body);
        }

        var after = await AuditEntriesAsync(owner.Client, contact);
        Assert.True(after.Count > before.Count, "the sweep (a send check, an erasure) should have appended entries");
        Assert.Equal(before, after.Take(before.Count));
    }

    private static async Task<List<string>> AuditEntriesAsync(CrmClient client, Guid contact) =>
        (await client.GetAsync($"/api/contacts/{contact}/audit")).Json.GetProperty("items").EnumerateArray().Select(entry => entry.GetRawText()).ToList();

    private static async Task<string> VictimStateAsync(Victim victim)
    {
        var contact = victim.Records["contact"];
        string[] paths =
        [
            $"/api/records/contact/{contact}", $"/api/contacts/{contact}/communication", $"/api/contacts/{contact}/audit", "/api/settings/privacy",
            "/api/subscription-types", "/api/mailboxes", "/api/log-intents/t-victim", $"/api/content/{victim.ContentId}", "/api/content", "/api/teams",
        ];
        var state = new List<string>();
        foreach (var path in paths)
        {
            state.Add((await victim.Client.GetAsync(path)).Text);
        }
        return string.Join('\n', state);
    }

    /// <summary>Tokens that must not get in: each names the victim's own user where it names anyone.</summary>
    public static TheoryData<string> BadTokens => ["none", "expired", "not yet valid", "wrong audience", "signed with another key", "tenant not onboarded", "without the API scope"];

    private string? BadToken(string kind, Victim victim)
    {
        var tenant = DevTenants.TenantIdForDomain(victim.Client.Email.Split('@')[1]);
        var user = DevTenants.ObjectIdFor(tenant, victim.Client.Email);
        var issuer = factory.Services.GetRequiredService<DevTokenIssuer>();
        DevTokenIssuer At(DateTimeOffset time, string keyPath) =>
            new(new AuthOptions { DevIssuer = { KeyPath = keyPath } }, "/", new FakeTimeProvider(time));
        return kind switch
        {
            "none" => null,
            // Past the bearer handler's five minutes of allowed clock skew, either way.
            "expired" => At(DateTimeOffset.UtcNow.AddHours(-2), factory.DevIssuerKeyPath).Issue(tenant, user, victim.Client.Email, "Victim", lifetime: TimeSpan.FromHours(1)),
            "not yet valid" => At(DateTimeOffset.UtcNow.AddMinutes(30), factory.DevIssuerKeyPath).Issue(tenant, user, victim.Client.Email, "Victim"),
            "wrong audience" => issuer.Issue(tenant, user, victim.Client.Email, "Victim", audience: "api://someone-else"),
            "signed with another key" => At(DateTimeOffset.UtcNow, Path.Combine(Path.GetTempPath(), $"stranger-{Guid.NewGuid():N}.pem")).Issue(tenant, user, victim.Client.Email, "Victim"),
            "tenant not onboarded" => issuer.Issue(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "eve@elsewhere.example.com", "Eve"),
            "without the API scope" => issuer.Issue(tenant, user, victim.Client.Email, "Victim", scope: "Mail.Read"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task EveryApiRoute_BadToken_RefusedWithNothingShownOrChanged(string kind)
    {
        var victim = await CreateVictimAsync();
        var before = await VictimStateAsync(victim);
        var caller = CrmClient.WithToken(factory, BadToken(kind, victim));
        // A valid token of an unknown tenant or without the scope is authenticated but not allowed: 403; the rest 401.
        var expected = kind is "tenant not onboarded" or "without the API scope" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
        var swept = 0;

        foreach (var (method, path, body) in Requests(victim, new Dictionary<string, Guid>(), ApiRoutes()))
        {
            var reply = await caller.SendAsync(new HttpMethod(method), path, body);

            Assert.True(reply.Status == expected, $"{method} {path} gave {reply.Status} with a token {kind}");
            Assert.True(reply.MediaType == "application/problem+json", $"{method} {path} answered {reply.MediaType} with a token {kind}");
            foreach (var secret in victim.Secrets)
            {
                Assert.False(reply.Text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{method} {path} answered '{secret}' with a token {kind}: {reply.Text}");
            }
            swept++;
        }

        Assert.True(swept >= 40, $"only {swept} requests were swept");
        TestContext.Current.TestOutputHelper?.WriteLine($"{swept} requests with a token {kind}");
        Assert.Equal(before, await VictimStateAsync(victim));
    }
}
