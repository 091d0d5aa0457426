using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.IntegrationTests.RateLimits;

/// <summary>
/// Valid tokens of a tenant that is not onboarded: refused from memory after the first lookup (no database read per
/// request) and held to the tenant's bucket, the rate limit running before the user lookup. A bucket of 10.
/// </summary>
public class RefusedTenantTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("RateLimit:PerTenantPerSecond", "1"), ("RateLimit:PerTenantBurst", "10")];
    }

    [Fact]
    public async Task RefusedTenantFlood_RefusedFromMemoryAndRateLimited_ServedOnceOnboardedHere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new Factory();
        await factory.InitializeAsync();
        var tenantId = Guid.NewGuid().ToString();
        var token = factory.Services.GetRequiredService<DevTokenIssuer>().Issue(tenantId, Guid.NewGuid().ToString(), "eve@refused.example.com", "Eve");
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Task<HttpResponseMessage> MeAsync() => http.GetAsync(new Uri("/api/me", UriKind.Relative), ct);

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Forbidden, (await MeAsync()).StatusCode);
        // The tenant gets an account behind the API's back, as the onboard-tenant command in another process makes it:
        // a request that read the database would now be served; the refusal remembered for a minute answers instead.
        await using (var connection = new SqliteConnection(factory.ConnectionString))
        {
            await connection.ExecuteAsync("INSERT INTO accounts (id, tenant_id, name, created_at) VALUES (@Id, @TenantId, 'Late', @Now)",
                new { Id = Guid.NewGuid().ToString("D").ToUpperInvariant(), TenantId = tenantId, Now = DateTimeOffset.UtcNow });
        }
        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => MeAsync()));
        // What the bucket lets through: the 9 left of its 10, plus one a second since the first request (and one
        // for the refill timer's phase).
        var allowed = 9 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds + 1);

        Assert.DoesNotContain(flood, answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.InRange(flood.Count(answer => answer.StatusCode == HttpStatusCode.Forbidden), 1, allowed);
        var limited = flood.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 40 - allowed, 39);
        Assert.All(limited, answer => Assert.True(answer.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));

        // Onboarding in this process forgets the refusal at once (the bucket refills one a second).
        await factory.Services.GetRequiredService<AccountOnboarding>().OnboardAsync(tenantId, "Late", ct);
        await Emulator.EventuallyAsync(async () => (await MeAsync()).StatusCode == HttpStatusCode.OK, "served once onboarded", TimeSpan.FromSeconds(10));
    }
}
