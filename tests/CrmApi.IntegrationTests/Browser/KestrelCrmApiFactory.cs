using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>The API on a real Kestrel port, so a real browser can load the pane and the harness from it.</summary>
public sealed class KestrelCrmApiFactory : CrmApiFactory
{
    private readonly int _port = ProcessHost.FreePort();
    private readonly (string Key, string Value)[] _settings;

    /// <summary><paramref name="settings"/>: a test's own (a shorter retry, fewer attempts) on top of the defaults.</summary>
    public KestrelCrmApiFactory(params (string Key, string Value)[] settings)
    {
        _settings = settings;
        UseKestrel(_port);
    }

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    protected override string PublicBaseUrl => BaseUrl;

    protected override bool UsesTestServer => false;

    protected override IEnumerable<(string Key, string Value)> Settings => _settings;
}
