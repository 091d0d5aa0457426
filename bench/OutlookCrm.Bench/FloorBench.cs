namespace OutlookCrm.Bench;

/// <summary>
/// The floor under every API figure: a request that does nothing (GET /health, no sign-in, no query) over the same
/// loopback connection. Printed for reading the ratios: an API call cannot be faster than this plus its queries.
/// </summary>
public static class FloorBench
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, Scale scale)
    {
        var empty = await Latency.SequentialAsync(async _ => (await api.GetAsync("/health")).EnsureSuccessStatusCode(), 50, scale.Samples);
        // Signed in (token validated, the caller resolved from the cache) but reading nothing: the cost of the pipeline.
        var signedIn = await Latency.SequentialAsync(async _ => (await api.GetAsync("/api/me")).EnsureSuccessStatusCode(), 50, scale.Samples);
        return
        [
            new("empty request over loopback (GET /health): p50", Latency.Percentile(empty, 50), "ms", Better.Lower, null, null),
            new("signed-in request reading nothing (GET /api/me): p50", Latency.Percentile(signedIn, 50), "ms", Better.Lower, null, null),
        ];
    }
}
