using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.Lookup;

namespace OutlookCrm.Bench;

/// <summary>
/// GET /api/lookup with 10 addresses (what the pane asks for an email's people) over HTTP, against the limit: the same
/// two indexed SELECTs run directly on a connection in this process.
/// </summary>
public static class LookupBench
{
    private const int AddressesPerCall = 10;

    /// <summary>Random calls of 10 addresses among <paramref name="contacts"/> (the same seed, the same calls every run).</summary>
    private static string[][] Calls(int contacts, int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, AddressesPerCall).Select(_ => Seeder.ContactAddress(random.Next(contacts))).ToArray())
            .ToArray();
    }

    private static Func<int, Task> Http(HttpClient api, string[][] calls) => async i =>
        (await api.GetAsync("/api/lookup?" + string.Join("&", calls[i % calls.Length].Select(address => $"email={Uri.EscapeDataString(address)}")))).EnsureSuccessStatusCode();

    /// <summary>The lookup's two indexed SELECTs, run directly on one open connection: the limit.</summary>
    private static Func<int, Task> Direct(SqliteConnection connection, Guid accountId, string[][] calls) => async i =>
    {
        var matches = (await connection.QueryAsync<(string Address, string ContactId, string Name, string? Owner)>(
            LookupSql.ContactsByAddress, new { AccountId = accountId.ToString("D").ToUpperInvariant(), Addresses = calls[i % calls.Length] })).AsList();
        await connection.QueryAsync(LookupSql.CompaniesOfContacts, new { AccountId = accountId.ToString("D").ToUpperInvariant(), ContactIds = matches.Select(match => match.ContactId).ToArray() });
    };

    /// <summary>Single calls over HTTP and the same queries directly, <paramref name="samples"/> each (milliseconds).</summary>
    public static async Task<(double[] Http, double[] Direct)> TimesAsync(HttpClient api, string databasePath, Guid accountId, int contacts, int samples)
    {
        var calls = Calls(contacts, samples * 4);
        var httpTimes = await Latency.SequentialAsync(Http(api, calls), 50, samples);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        return (httpTimes, await Latency.SequentialAsync(Direct(connection, accountId, calls), 50, samples));
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, string databasePath, Guid accountId, Scale scale)
    {
        var calls = Calls(scale.Contacts, scale.Samples * 4);
        var (httpTimes, directTimes) = await TimesAsync(api, databasePath, accountId, scale.Contacts, scale.Samples);
        var httpThroughput = await Latency.ThroughputAsync(Http(api, calls), 4, scale.ThroughputTime, 1_000_000);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        // The same queries the way the API's stores run them: a pooled connection opened per store call, with the
        // server's connection settings (foreign keys, busy timeout), and the rep's address choices read as well.
        var serverConnection = new SqliteConnectionStringBuilder { DataSource = databasePath, ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        async Task AsTheApi(int i)
        {
            string[] contactIds;
            await using (var open = new SqliteConnection(serverConnection))
            {
                await open.OpenAsync();
                await open.ExecuteAsync("PRAGMA busy_timeout = 5000;");
                contactIds = (await open.QueryAsync<(string Address, string ContactId, string Name, string? Owner)>(
                    LookupSql.ContactsByAddress, new { AccountId = accountId.ToString("D").ToUpperInvariant(), Addresses = calls[i % calls.Length] })).Select(match => match.ContactId).ToArray();
                await open.QueryAsync(LookupSql.CompaniesOfContacts, new { AccountId = accountId.ToString("D").ToUpperInvariant(), ContactIds = contactIds });
            }
            await using (var open = new SqliteConnection(serverConnection))
            {
                await open.OpenAsync();
                await open.ExecuteAsync("PRAGMA busy_timeout = 5000;");
                await open.QueryAsync("SELECT address_normalized, contact_id FROM address_choices WHERE account_id = @AccountId AND user_id = @UserId AND address_normalized IN @Addresses",
                    new { AccountId = accountId.ToString("D").ToUpperInvariant(), UserId = "", Addresses = calls[i % calls.Length] });
            }
        }
        var asTheApiTimes = await Latency.SequentialAsync(AsTheApi, 50, scale.Samples);
        var directThroughput = await Latency.ThroughputAsync(Direct(connection, accountId, calls), 1, scale.ThroughputTime, 1_000_000);

        var rows = $"{scale.Contacts / 1000}k contacts";
        return
        [
            new($"lookup, 10 addresses, {rows}: p50", Latency.Percentile(httpTimes, 50), "ms", Better.Lower, null, Latency.Percentile(directTimes, 50)),
            new($"  its queries as the API runs them (connection per store call): p50", Latency.Percentile(asTheApiTimes, 50), "ms", Better.Lower, null, null),
            new($"lookup, 10 addresses, {rows}: p99", Latency.Percentile(httpTimes, 99), "ms", Better.Lower, 5, Latency.Percentile(directTimes, 99)),
            new($"lookup, 10 addresses, {rows}: throughput", httpThroughput, "calls/s", Better.Higher, null, directThroughput),
        ];
    }
}
