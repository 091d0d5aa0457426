using System.Net.Http.Json;

namespace OutlookCrm.Bench;

/// <summary>
/// The compose pane's question (10 recipients) and Outlook's send-time check (20), over HTTP. Targets only: each is
/// several queries and, for the send check, an audited write per contact, with no single SELECT to compare with.
/// </summary>
public static class ComposeBench
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, Scale scale)
    {
        var random = new Random(7);
        string[] Recipients(int count) => Enumerable.Range(0, count).Select(_ => Seeder.ContactAddress(random.Next(scale.Contacts))).ToArray();
        var contexts = Enumerable.Range(0, 64).Select(_ => Recipients(10)).ToArray();
        var sends = Enumerable.Range(0, 64).Select(_ => Recipients(20)).ToArray();

        var contextTimes = await Latency.SequentialAsync(
            async i => (await api.PostAsJsonAsync("/api/compose/context", new { to = contexts[i % contexts.Length], cc = Array.Empty<string>(), bcc = Array.Empty<string>() })).EnsureSuccessStatusCode(),
            20, scale.Samples);
        var sendTimes = await Latency.SequentialAsync(
            async i => (await api.PostAsJsonAsync("/api/compose/send-check", new { trackingId = $"t-bench-{i}", to = sends[i % sends.Length], cc = Array.Empty<string>(), bcc = Array.Empty<string>() })).EnsureSuccessStatusCode(),
            20, scale.Samples);
        return
        [
            new("compose context, 10 recipients: p99", Latency.Percentile(contextTimes, 99), "ms", Better.Lower, 20, null),
            new("send check, 20 recipients: p99", Latency.Percentile(sendTimes, 99), "ms", Better.Lower, 10, null),
        ];
    }
}
