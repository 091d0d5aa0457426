namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>A handler that makes its inner handler at the first request, when the test server is running.</summary>
public sealed class DeferredHandler(Func<HttpMessageHandler> create) : DelegatingHandler
{
    private readonly Lock _gate = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            InnerHandler ??= create();
        }
        return base.SendAsync(request, cancellationToken);
    }
}
