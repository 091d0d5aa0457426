using System.Diagnostics;
using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.RateLimits;

/// <summary>One tenant's burst past its limit is answered 429 with Retry-After; another tenant is not slowed at all.</summary>
public class TenantRateLimitTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("RateLimit:PerTenantPerSecond", "5"), ("RateLimit:PerTenantBurst", "10")];
    }

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_with_Retry_After_and_another_tenant_is_served()
    {
        await using var factory = new Factory();
        await factory.InitializeAsync();
        var noisy = await CrmClient.SignInAsync(factory, "script@noisy-tenant.example.com");
        var quiet = await CrmClient.SignInAsync(factory, "rep@quiet-tenant.example.com");

        var flood = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => noisy.Http.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken)));
        var floodSeconds = (int)Math.Ceiling(flood.Elapsed.TotalSeconds);
        var quietAnswer = await quiet.GetAsync("/api/me");

        // The burst of 10, plus the 5 a second the bucket refills while the flood lasts (longer on a loaded machine).
        var refused = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(answers.Count(answer => answer.StatusCode == HttpStatusCode.OK), 1, 10 + (5 * floodSeconds));
        Assert.NotEmpty(refused);
        Assert.All(refused, answer =>
        {
            Assert.True(answer.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "no Retry-After");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.OK, quietAnswer.Status);

        // A second later the bucket has refilled a little: the noisy tenant is served again.
        await Task.Delay(1_200, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync("/api/me")).Status);
    }
}
