using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>Graph access per tenant: app-only tokens are per tenant; the emulator needs one static token.</summary>
public interface IGraphMailFactory
{
    IGraphMail ForTenant(string tenantId);
}

/// <summary>
/// Builds one SDK client per tenant over a shared HTTP pipeline without the SDK's own retry handler: a 429 must not
/// park a worker for minutes, it goes back to the queue with Retry-After (see the ingestion worker).
/// </summary>
public sealed class GraphMailFactory(GraphOptions options, Func<string, IAccessTokenProvider> tokens, string publicBaseUrl, HttpMessageHandler? transport = null)
    : IGraphMailFactory, IDisposable
{
    private readonly HttpClient _http = CreateHttpClient(transport);
    private readonly ConcurrentDictionary<string, IGraphMail> _clients = new(StringComparer.OrdinalIgnoreCase);

    public IGraphMail ForTenant(string tenantId) => _clients.GetOrAdd(tenantId, tenant =>
    {
        var client = new GraphServiceClient(_http, new BaseBearerTokenAuthenticationProvider(tokens(tenant)), options.BaseUrl.TrimEnd('/'));
        var baseUrl = publicBaseUrl.TrimEnd('/');
        return new GraphMail(client, options, $"{baseUrl}/webhooks/graph", $"{baseUrl}/webhooks/graph/lifecycle");
    });

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateHttpClient(HttpMessageHandler? transport)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        foreach (var retry in handlers.OfType<RetryHandler>().ToList())
        {
            handlers.Remove(retry);
        }
        // Innermost, so each request that goes on the wire is counted once (a redirect followed is a second one).
        handlers.Add(new GraphCallTelemetry());
        var http = GraphClientFactory.Create(handlers, finalHandler: transport);
        http.Timeout = TimeSpan.FromSeconds(100);
        return http;
    }
}

/// <summary>
/// Where Graph requests finally go when not over the network: the integration tests point it at the in-process test
/// server that hosts the emulator, so the real SDK talks to the emulator without a socket.
/// </summary>
public sealed record GraphTransport(Func<HttpMessageHandler> Create);

/// <summary>The emulator's static token (Development and tests).</summary>
public sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}
