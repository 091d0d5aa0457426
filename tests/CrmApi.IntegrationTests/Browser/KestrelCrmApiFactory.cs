using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The API on a real Kestrel port, so a real browser can load the pane and the harness from it.</summary>
public sealed class KestrelCrmApiFactory : CrmApiFactory
{
    private readonly int _port = ProcessHost.FreePort();

    public KestrelCrmApiFactory() => UseKestrel(_port);

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    protected override string PublicBaseUrl => BaseUrl;

    protected override bool UsesTestServer => false;
}
