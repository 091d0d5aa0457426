using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.Crm.AddressChoices;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.Bench;

/// <summary>
/// GET /api/lookup with 10 addresses (what the pane asks for an email's people) over HTTP, against the limit: the
/// same four indexed SELECTs (contacts by address, their addresses, their companies, the rep's choices) run directly
/// on an open connection in this process. Context: the same SELECTs on a pooled connection opened as the API opens
/// one, and a lookup whose addresses match nothing (what a call costs before any data).
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

    /// <summary>The lookup's SELECTs, the server's own statements, on a connection already open.</summary>
    private static async Task QueriesAsync(SqliteConnection connection, Guid accountId, Guid userId, string[] addresses)
    {
        var account = accountId.ToString("D").ToUpperInvariant();
        var contactIds = (await connection.QueryAsync<(string Address, string ContactId, string Name, string? Owner)>(
            LookupSql.ContactsByAddress, new { AccountId = account, Addresses = addresses })).Select(match => match.ContactId).Distinct().ToArray();
        if (contactIds.Length > 0)
        {
            await connection.QueryAsync(RecordSql.GetEmails, new { AccountId = account, RecordIds = contactIds });
            await connection.QueryAsync(LookupSql.CompaniesOfContacts, new { AccountId = account, ContactIds = contactIds });
        }
        await connection.QueryAsync(AddressChoiceSql.GetMany, new { AccountId = account, UserId = userId.ToString("D").ToUpperInvariant(), Addresses = addresses });
    }

    /// <summary>Single calls over HTTP and the same queries directly, <paramref name="samples"/> each (milliseconds).</summary>
    public static async Task<(double[] Http, double[] Direct)> TimesAsync(HttpClient api, string databasePath, Guid accountId, Guid userId, int contacts, int samples)
    {
        var calls = Calls(contacts, samples * 4);
        var httpTimes = await Latency.SequentialAsync(Http(api, calls), 50, samples);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        return (httpTimes, await Latency.SequentialAsync(i => QueriesAsync(connection, accountId, userId, calls[i % calls.Length]), 50, samples));
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient api, string databasePath, Guid accountId, Guid userId, Scale scale)
    {
        var calls = Calls(scale.Contacts, scale.Samples * 4);
        var (httpTimes, directTimes) = await TimesAsync(api, databasePath, accountId, userId, scale.Contacts, scale.Samples);
        var httpThroughput = await Latency.ThroughputAsync(Http(api, calls), 4, scale.ThroughputTime, 1_000_000);
        var unknown = calls.Select(call => call.Select(address => $"nobody.{address}").ToArray()).ToArray();
        var unknownTimes = await Latency.SequentialAsync(Http(api, unknown), 50, scale.Samples);

        // The same queries the way the API's store runs them: a pooled connection opened for the call, with the
        // server's connection settings (foreign keys, busy timeout).
        var serverConnection = new SqliteConnectionStringBuilder { DataSource = databasePath, ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        async Task AsTheApi(int i)
        {
            await using var open = new SqliteConnection(serverConnection);
            await open.OpenAsync();
            await open.ExecuteAsync("PRAGMA busy_timeout = 5000;");
            await QueriesAsync(open, accountId, userId, calls[i % calls.Length]);
        }
        var asTheApiTimes = await Latency.SequentialAsync(AsTheApi, 50, scale.Samples);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var directThroughput = await Latency.ThroughputAsync(i => QueriesAsync(connection, accountId, userId, calls[i % calls.Length]), 1, scale.ThroughputTime, 1_000_000);

        var rows = $"{scale.Contacts / 1000}k contacts";
        return
        [
            new($"lookup, 10 addresses, {rows}: p50", Latency.Percentile(httpTimes, 50), "ms", Better.Lower, null, Latency.Percentile(directTimes, 50)),
            new($"  its queries as the API runs them (pooled connection opened for the call): p50", Latency.Percentile(asTheApiTimes, 50), "ms", Better.Lower, null, null),
            new($"  a lookup of 10 addresses that match nothing: p50", Latency.Percentile(unknownTimes, 50), "ms", Better.Lower, null, null),
            new($"lookup, 10 addresses, {rows}: p99", Latency.Percentile(httpTimes, 99), "ms", Better.Lower, 5, Latency.Percentile(directTimes, 99)),
            new($"lookup, 10 addresses, {rows}: throughput", httpThroughput, "calls/s", Better.Higher, null, directThroughput),
        ];
    }
}
