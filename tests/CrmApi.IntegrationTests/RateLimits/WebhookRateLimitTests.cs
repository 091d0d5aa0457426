using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;

namespace OutlookCrm.CrmApi.IntegrationTests.RateLimits;

/// <summary>
/// One remote address flooding the anonymous webhook is answered 429 with Retry-After past its bucket; another address
/// (Graph's) is served all along. A bucket of 5, refilled 1 a second.
/// </summary>
public class WebhookRateLimitTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings =>
            [("Ingestion:WebhookPerAddressPerSecond", "1"), ("Ingestion:WebhookPerAddressBurst", "5")];
    }

    [Fact]
    public async Task OneAddressOverItsBucket_429WithRetryAfter_AnotherAddressServed()
    {
        await using var factory = new Factory();
        await factory.InitializeAsync();
        var counters = factory.Services.GetRequiredService<WebhookCounters>();
        var before = counters.RateLimited;

        var flood = new List<HttpContext>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            flood.Add(await PostFromAsync(factory, "203.0.113.7"));
        }
        // The 5 of the bucket, plus one a second while the flood lasts (and one for the refill timer's phase).
        var allowed = 5 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1;
        var graph = await PostFromAsync(factory, "52.96.0.1");
        // Another address of the flooding host's IPv6 /64 shares its bucket; one of another /64 does not.
        var sameHost = new List<HttpContext>();
        for (var i = 0; i < 10; i++)
        {
            sameHost.Add(await PostFromAsync(factory, $"2001:db8:1:2::{i + 1:x}"));
        }
        var otherHost = await PostFromAsync(factory, "2001:db8:1:3::1");

        var refused = flood.Where(context => context.Response.StatusCode == StatusCodes.Status429TooManyRequests).ToList();
        Assert.InRange(flood.Count(context => context.Response.StatusCode == StatusCodes.Status202Accepted), 5, allowed);
        Assert.InRange(refused.Count, 20 - allowed, 15);
        Assert.All(refused, context =>
        {
            Assert.True(int.Parse(context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", context.Response.ContentType);
        });
        Assert.Equal(StatusCodes.Status202Accepted, graph.Response.StatusCode);
        Assert.Contains(sameHost, context => context.Response.StatusCode == StatusCodes.Status429TooManyRequests);
        Assert.Equal(StatusCodes.Status202Accepted, otherHost.Response.StatusCode);
        Assert.True(counters.RateLimited >= before + refused.Count);
    }

    /// <summary>An empty batch as a request from that address (the test server lets the connection's address be set).</summary>
    private static Task<HttpContext> PostFromAsync(CrmApiFactory factory, string address) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/webhooks/graph";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream("{\"value\":[]}"u8.ToArray());
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, TestContext.Current.CancellationToken);
}
