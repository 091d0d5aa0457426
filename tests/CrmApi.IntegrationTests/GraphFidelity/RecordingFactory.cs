using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>A request the emulator sent to a webhook: what Graph would POST to the app.</summary>
public sealed record RecordedCall(string Method, Uri Url, string? ContentType, string Body);

/// <summary>
/// An API whose emulator's callbacks to <c>https://recorder.test/…</c> are answered and kept by the test instead of
/// reaching the app: the validation handshake is echoed, a notification accepted with 202, and each request recorded
/// exactly as sent, so a test can compare it with what the documentation shows Graph sending.
/// </summary>
public sealed class RecordingFactory : CrmApiFactory
{
    public const string Host = "recorder.test";

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(NotificationDispatcher.HttpClientName).AddHttpMessageHandler(() => new Recorder(Calls)));
    }

    private sealed class Recorder(ConcurrentQueue<RecordedCall> calls) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is not { Host: Host } url)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            calls.Enqueue(new RecordedCall(request.Method.Method, url, request.Content?.Headers.ContentType?.ToString(), body));
            return System.Web.HttpUtility.ParseQueryString(url.Query)["validationToken"] is { } token
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token, Encoding.UTF8, "text/plain") }
                : new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
