using System.Net;
using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.Tests.MailboxSync;

public class TelemetryOptionsTests
{
    private static readonly IReadOnlyList<IPNetwork> Defaults = new TelemetryOptions().AllowedNetworks();

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("::ffff:192.168.1.10", true)]
    [InlineData("20.50.60.70", false)]
    [InlineData("2001:db8::1", false)]
    public void MayScrape_PrivateNetworksOnlyByDefault(string peer, bool allowed) =>
        Assert.Equal(allowed, TelemetryOptions.MayScrape(IPAddress.Parse(peer), Defaults));
}
