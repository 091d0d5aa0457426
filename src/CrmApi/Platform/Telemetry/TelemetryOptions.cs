using System.Net;

namespace OutlookCrm.CrmApi.Platform.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section. Off by default (the demo sends nothing anywhere). <c>Enabled</c>: meters and traces,
/// exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. <c>Prometheus</c>: a scrape endpoint
/// at <c>/metrics</c>, answered only to peers in <c>PrometheusAllowedNetworks</c> (loopback and private networks by
/// default: the scraper inside the deployment's network, never the internet; everyone else gets 404).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public const string MetricsPath = "/metrics";

    public bool Enabled { get; set; }

    public bool Prometheus { get; set; }

    /// <summary>CIDR ranges, comma-separated, whose peers may scrape <c>/metrics</c>.</summary>
    public string PrometheusAllowedNetworks { get; set; } = "127.0.0.0/8, ::1/128, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7";

    public IReadOnlyList<IPNetwork> AllowedNetworks() =>
        PrometheusAllowedNetworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse).ToList();

    /// <summary>
    /// Whether a peer may scrape. No address means no network peer at all (an in-process test host); behind a proxy the
    /// forwarded-headers middleware has already put the client's own address here, so a scrape relayed from the
    /// internet is refused.
    /// </summary>
    public static bool MayScrape(IPAddress? peer, IReadOnlyList<IPNetwork> allowed)
    {
        if (peer is null)
        {
            return true;
        }
        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        return allowed.Any(network => network.Contains(address));
    }
}
