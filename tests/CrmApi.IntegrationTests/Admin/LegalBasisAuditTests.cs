using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>
/// Issue 19, Privacy page: the legal-basis audit of every contact of the account, newest first, filtered and paged,
/// and the same as CSV (every matching line, RFC 4180, formula cells neutralised); an admin's only, one account's only.
/// </summary>
public class LegalBasisAuditTests(CrmApiFactory factory)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    private sealed record World(CrmClient Admin, CrmClient Rep, Guid RepUserId, Guid Megan, Guid Lee, Guid Gone);

    private async Task<World> CreateAsync()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var rep = await CrmClient.SignInAsync(factory, $"seller@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var megan = await rep.ContactAsync($"megan@{Guid.NewGuid():N}.example.com", "Megan Bowen");
        var lee = await rep.ContactAsync($"lee@{Guid.NewGuid():N}.example.com", "Lee Gu");
        var gone = await rep.ContactAsync($"gone@{Guid.NewGuid():N}.example.com", "Gone Person");
        await rep.SubscribeAsync(megan);
        await rep.OptOutAsync(lee);
        await rep.SubscribeAsync(gone);
        var basis = await admin.PostAsync($"/api/contacts/{megan}/one-time-basis", new { legalBasis = "legitimateInterestProspect", explanation = Formula });
        Assert.True(basis.Status == HttpStatusCode.OK, basis.Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/contacts/{gone}/erase", new { })).Status);
        var repUserId = (await rep.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();
        return new World(admin, rep, repUserId, megan, lee, gone);
    }

    private static async Task<List<JsonElement>> AllAsync(CrmClient client, string filters = "", int limit = 100)
    {
        var lines = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync($"/api/admin/legal-basis-audit?limit={limit}{filters}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Status == HttpStatusCode.OK, page.Text);
            lines.AddRange(page.Json.GetProperty("items").EnumerateArray());
            cursor = page.Json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return lines;
    }

    [Fact]
    public async Task Audit_ListsEveryContactsLines_NewestFirst_WithNamesActorsAndErasedContacts()
    {
        var world = await CreateAsync();

        var lines = await AllAsync(world.Admin, limit: 2);

        Assert.Equal(5, lines.Count);
        var times = lines.Select(line => line.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        var meganLines = lines.Where(line => line.GetProperty("contactId").GetGuid() == world.Megan).ToList();
        Assert.Equal(["basisGranted", "basisGranted"], meganLines.Select(line => line.GetProperty("event").GetString()));
        Assert.All(meganLines, line => Assert.Equal(("present", "Megan Bowen"), (line.GetProperty("contactState").GetString(), line.GetProperty("contactName").GetString())));
        Assert.EndsWith(".example.com", meganLines[0].GetProperty("contactAddress").GetString(), StringComparison.Ordinal);
        Assert.Equal(Formula, meganLines[0].GetProperty("explanation").GetString());
        var subscribed = meganLines[1];
        Assert.Equal((world.RepUserId, "Test Rep"), (subscribed.GetProperty("actorUserId").GetGuid(), subscribed.GetProperty("actorName").GetString()));
        Assert.Equal("legitimateInterestCustomer", subscribed.GetProperty("legalBasis").GetString());
        var goneLines = lines.Where(line => line.GetProperty("contactId").GetGuid() == world.Gone).ToList();
        Assert.Equal(["erased", "basisGranted"], goneLines.Select(line => line.GetProperty("event").GetString()));
        Assert.All(goneLines, line => Assert.Equal(("erased", JsonValueKind.Null), (line.GetProperty("contactState").GetString(), line.GetProperty("contactName").ValueKind)));
    }

    [Fact]
    public async Task Audit_Filters_ByContactEventUserAndPeriod()
    {
        var world = await CreateAsync();
        var all = await AllAsync(world.Admin);
        var newest = all[0].GetProperty("occurredAt").GetDateTimeOffset();

        var ofLee = await AllAsync(world.Admin, $"&contact={world.Lee}");
        var optOuts = await AllAsync(world.Admin, "&event=optedOut");
        var byRep = await AllAsync(world.Admin, $"&user={world.RepUserId}");
        var untilNewest = await AllAsync(world.Admin, $"&to={Uri.EscapeDataString(newest.ToString("O"))}");
        var later = await AllAsync(world.Admin, $"&from={Uri.EscapeDataString(newest.AddSeconds(1).ToString("O"))}");
        var megansByRep = await AllAsync(world.Admin, $"&contact={world.Megan}&user={world.RepUserId}&event=basisGranted");

        Assert.Equal(["optedOut"], ofLee.Select(line => line.GetProperty("event").GetString()));
        Assert.Equal([world.Lee], optOuts.Select(line => line.GetProperty("contactId").GetGuid()));
        Assert.Equal(3, byRep.Count);
        Assert.All(byRep, line => Assert.Equal(world.RepUserId, line.GetProperty("actorUserId").GetGuid()));
        Assert.Equal(all.Count - 1, untilNewest.Count);
        Assert.Empty(later);
        Assert.Equal(world.Megan, Assert.Single(megansByRep).GetProperty("contactId").GetGuid());
    }

    [Theory]
    [InlineData("event=sent", "event")]
    [InlineData("contact=megan", "contact")]
    [InlineData("user=42", "user")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("limit=500", "limit")]
    public async Task Audit_BadFilter_IsAProblemNamingTheField(string query, string field)
    {
        var admin = await CrmClient.SignInAsync(factory);

        (await admin.GetAsync($"/api/admin/legal-basis-audit?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);
        if (field != "limit")
        {
            // The export takes the same filters; it has no pages.
            (await admin.GetAsync($"/api/admin/legal-basis-audit.csv?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task Audit_ACursorOfOtherFilters_IsRefused()
    {
        var world = await CreateAsync();
        var first = await world.Admin.GetAsync("/api/admin/legal-basis-audit?limit=1");

        var reused = await world.Admin.GetAsync($"/api/admin/legal-basis-audit?limit=1&event=optedOut&cursor={first.Json.GetProperty("nextCursor").GetString()}");

        reused.AssertProblem(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task Audit_RefusesARep_AndShowsNoOtherAccountsLines()
    {
        var world = await CreateAsync();
        var stranger = await CrmClient.SignInAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Rep.GetAsync("/api/admin/legal-basis-audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Rep.GetAsync("/api/admin/legal-basis-audit.csv")).Status);
        Assert.Empty(await AllAsync(stranger));
        Assert.Empty((await AllAsync(stranger, $"&contact={world.Megan}")));
        var csv = await stranger.GetAsync($"/api/admin/legal-basis-audit.csv?contact={world.Megan}");
        Assert.Single(CsvRows(csv.Text));
    }

    [Fact]
    public async Task Export_StreamsEveryMatchingLine_AsRfc4180_WithFormulasNeutralised()
    {
        var world = await CreateAsync();
        // More lines than a page and than the export's batch of 500, written straight into the append-only table.
        await using (var connection = new SqliteConnection(factory.ConnectionString))
        {
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            var inserted = Enumerable.Range(0, 1_100).Select(i => new
            {
                Id = Guid.CreateVersion7().ToString("D").ToUpperInvariant(),
                AccountId = world.Admin.AccountId.ToString("D").ToUpperInvariant(),
                ContactId = world.Lee.ToString("D").ToUpperInvariant(),
                OccurredAt = start.AddSeconds(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"),
            });
            await connection.ExecuteAsync("""
                INSERT INTO communication_audit (id, account_id, contact_id, event, reason, occurred_at)
                VALUES (@Id, @AccountId, @ContactId, 'sendAllowed', 'subscribed', @OccurredAt)
                """, inserted);
        }

        using var response = await world.Admin.Http.GetAsync("/api/admin/legal-basis-audit.csv", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var rows = CsvRows(text);
        Assert.Equal(1 + 5 + 1_100, rows.Count);
        Assert.Equal("occurredAt", rows[0][0]);
        var explanation = Array.IndexOf(rows[0], "explanation");
        Assert.Contains(rows, row => row[explanation] == "'" + Formula);
        Assert.DoesNotContain(rows.Skip(1), row => row.Any(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", text, StringComparison.Ordinal);
        var exported = (await world.Admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray()
            .First(line => line.GetProperty("action").GetString() == "legalBasisAudit.exported");
        Assert.Equal(1_105, exported.GetProperty("count").GetInt32());
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    i++;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        Assert.True(row.Count == 0 && cell.Length == 0, "the CSV does not end with CRLF");
        return rows;
    }
}
