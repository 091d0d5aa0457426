using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

public class ErasureTests(CrmApiFactory factory)
{
    private const string Work = "megan@fabrikam.com";
    private const string Private = "megan.private@outlook.com";

    private sealed record World(CrmClient Rep, Guid Megan, Guid Lee, Guid Deal, Guid Alone, Guid Shared, Guid FromMegan);

    private async Task<World> CreateAsync()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var me = new Mailbox(rep.Email, "Rep");
        var megan = await rep.CreateAsync("contact", new { name = "Megan Bowen", emails = new[] { new { address = "Megan@Fabrikam.com", primary = true }, new { address = Private, primary = false } } });
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        await rep.OptOutAsync(megan);
        var start = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        var alone = await factory.LogAsync(rep.AccountId, [megan, deal], start, subject: "Your quote", from: me, to: [new Mailbox("Megan@Fabrikam.com", "Megan Bowen")], cc: []);
        var shared = await factory.LogAsync(rep.AccountId, [megan, lee], start.AddHours(1), subject: $"Meeting (also {Private})",
            body: $"<p>Megan, write to {Private.ToUpperInvariant()} if you prefer.</p>", from: me,
            to: [new Mailbox(Work, "Megan Bowen")], cc: [new Mailbox("lee@northwind.example.com", "Lee Gu")]);
        var fromMegan = await factory.LogAsync(rep.AccountId, [lee], start.AddHours(2), subject: "Re: Meeting",
            from: new Mailbox(Private, "Megan Bowen"), to: [me], cc: []);
        return new World(rep, megan, lee, deal, alone, shared, fromMegan);
    }

    [Fact]
    public async Task Erase_DeletesWhatConcernedTheContactAloneAndRedactsTheRest()
    {
        var world = await CreateAsync();
        var rep = world.Rep;

        var erased = await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Equal(2, erased.Json.GetProperty("addressesErased").GetInt32());
        Assert.Equal(1, erased.Json.GetProperty("emailsDeleted").GetInt32());
        Assert.Equal(2, erased.Json.GetProperty("emailsRedacted").GetInt32());
        (await rep.GetAsync($"/api/records/contact/{world.Megan}")).AssertProblem(HttpStatusCode.NotFound, "id");
        (await rep.GetAsync($"/api/emails/{world.Alone}")).AssertProblem(HttpStatusCode.NotFound, "id");
        var shared = await rep.GetAsync($"/api/emails/{world.Shared}");
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal("erased@redacted.invalid", Assert.Single(shared.Json.GetProperty("to").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal("lee@northwind.example.com", Assert.Single(shared.Json.GetProperty("cc").EnumerateArray()).GetProperty("address").GetString());
        Assert.Contains("[erased]", shared.Json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        var fromMegan = await rep.GetAsync($"/api/emails/{world.FromMegan}");
        Assert.Equal("erased@redacted.invalid", fromMegan.Json.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal(2, (await rep.GetAsync($"/api/records/contact/{world.Lee}/timeline")).Json.GetProperty("items").GetArrayLength());
        Assert.Empty((await rep.GetAsync($"/api/records/deal/{world.Deal}/timeline")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(0, await factory.CountRowsAsync("contact_opt_outs", rep.AccountId));
        Assert.Equal(2, await factory.CountRowsAsync("erased_addresses", rep.AccountId));
    }

    [Fact]
    public async Task Erase_AddressesCannotBeFoundThroughAnyRoute()
    {
        var world = await CreateAsync();
        var rep = world.Rep;
        await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });
        Guid[] ids = [world.Megan, world.Lee, world.Deal, world.Alone, world.Shared, world.FromMegan];
        var queries = $"?q=megan&email={Uri.EscapeDataString(Work)}&email={Uri.EscapeDataString(Private)}";
        var asked = 0;

        foreach (var (_, pattern) in factory.ApiRoutes().Where(route => route.Method == "GET"))
        {
            foreach (var type in new[] { "contact", "deal" })
            {
                foreach (var id in ids)
                {
                    var path = pattern.Replace("{type}", type, StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal) + queries;
                    var reply = await rep.GetAsync(path);
                    asked++;
                    // A lookup answer names the addresses that were asked about; everything else must not hold them.
                    var answer = reply.Text.Replace(Work, "", StringComparison.OrdinalIgnoreCase).Replace(Private, "", StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("megan.private", answer, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("megan@", answer, StringComparison.OrdinalIgnoreCase);
                    if (pattern == "/api/lookup")
                    {
                        Assert.All(reply.Json.GetProperty("results").EnumerateArray(), result => Assert.Empty(result.GetProperty("contacts").EnumerateArray()));
                    }
                }
            }
        }
        Assert.True(asked > 50, $"only {asked} requests were made");
    }

    [Fact]
    public async Task Erase_TheAuditKeepsANonPersonalRecordOfIt()
    {
        var world = await CreateAsync();
        var me = (await world.Rep.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();

        await world.Rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        var trail = await world.Rep.GetAsync($"/api/contacts/{world.Megan}/audit");
        Assert.Equal(HttpStatusCode.OK, trail.Status);
        var entries = trail.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["optedOut", "erased"], entries.Select(entry => entry.GetProperty("event").GetString()));
        Assert.Equal(me, entries[^1].GetProperty("actorUserId").GetGuid());
        Assert.DoesNotContain("megan", trail.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erase_TheAddressIsNeverLoggedOrCreatedAgain()
    {
        var world = await CreateAsync();
        var rep = world.Rep;
        await rep.PostAsync($"/api/contacts/{world.Megan}/erase", new { });

        var recreate = await rep.PostAsync("/api/records/contact", new { name = "Megan again", emails = new[] { new { address = "MEGAN@fabrikam.com", primary = true } } });
        var patch = await rep.PatchAsync($"/api/records/contact/{world.Lee}", new { emails = new[] { new { address = "lee@northwind.example.com", primary = true }, new { address = Private, primary = false } } });
        var logged = await factory.LogAsync(rep.AccountId, [world.Lee], DateTimeOffset.UtcNow, from: new Mailbox(Work, "Megan"), to: [new Mailbox(rep.Email, null)], cc: []);

        recreate.AssertProblem(HttpStatusCode.BadRequest, "emails[0].address");
        patch.AssertProblem(HttpStatusCode.BadRequest, "emails[1].address");
        var email = await rep.GetAsync($"/api/emails/{logged}");
        Assert.Equal("erased@redacted.invalid", email.Json.GetProperty("from").GetProperty("address").GetString());
        Assert.Null(email.Json.GetProperty("from").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Erase_NoCellOfAnyTableHoldsTheAddressesAfterwards()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var me = new Mailbox(rep.Email, "Rep");
        var unique = Guid.NewGuid().ToString("N");
        var work = $"erin.{unique}@erase-fabrikam.example.com";
        var personal = $"erin.home.{unique}@erase-outlook.example.com";
        var erin = await rep.CreateAsync("contact", new { name = "Erin Erased", emails = new[] { new { address = work.ToUpperInvariant(), primary = true }, new { address = personal, primary = false } } });
        var lee = await rep.ContactAsync($"lee.{unique}@erase-northwind.example.com", "Lee Kept");
        var deal = await rep.CreateAsync("deal", new { name = "Erasure deal" });
        // Every kind of row the address can reach: legal bases, opt-out, audit, a send check, an intent, logged mail
        // (hers alone, shared, from her private address, her address in the body and the subject).
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/contacts/{erin}/subscriptions", new { type = "one-to-one", legalBasis = "contract", explanation = "Signed order" })).Status);
        await rep.OptOutAsync(erin);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync("/api/compose/send-check", new { trackingId = $"t-erase-{unique}", to = new[] { work }, associations = new[] { deal } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await rep.SendAsync(HttpMethod.Put, $"/api/log-intents/t-erase-{unique}", new { log = true, associations = new[] { erin, deal } })).Status);
        var start = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        await factory.LogAsync(rep.AccountId, [erin, deal], start, subject: $"Quote for {work}", from: me, to: [new Mailbox(work, "Erin Erased")], cc: []);
        await factory.LogAsync(rep.AccountId, [erin, lee], start.AddHours(1), subject: "Meeting", body: $"<p>Erin, or {personal.ToUpperInvariant()}.</p>",
            from: me, to: [new Mailbox(work, "Erin Erased")], cc: [new Mailbox($"lee.{unique}@erase-northwind.example.com", "Lee Kept")]);
        await factory.LogAsync(rep.AccountId, [lee], start.AddHours(2), subject: "Re: Meeting", from: new Mailbox(personal, "Erin Erased"), to: [me], cc: []);
        Assert.NotEmpty(await CellsHoldingAsync(work, personal));

        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/contacts/{erin}/erase", new { })).Status);

        var left = await CellsHoldingAsync(work, personal);
        Assert.True(left.Count == 0, $"the erased addresses are still in: {string.Join(", ", left)}");
    }

    [Fact]
    public async Task Erase_TheAddressIsNotLeftInTheDatabaseFilesBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        // A database of its own: the check reads the whole file, once every change is written back into it.
        await using var own = new CrmApiFactory();
        await own.InitializeAsync();
        var rep = await CrmClient.SignInAsync(own);
        var address = $"erin.bytes.{Guid.NewGuid():N}@erase-bytes.example.com";
        var erin = await rep.CreateAsync("contact", new { name = "Erin Bytes", emails = new[] { new { address, primary = true } } });
        await own.LogAsync(rep.AccountId, [erin], DateTimeOffset.UtcNow, subject: $"To {address}", body: $"<p>Write to {address}</p>",
            from: new Mailbox(rep.Email, "Rep"), to: [new Mailbox(address, "Erin Bytes")], cc: []);
        Assert.True(await FileHoldsAsync(own, address, ct), "the address should be in the file before the erasure");

        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/contacts/{erin}/erase", new { })).Status);

        Assert.False(await FileHoldsAsync(own, address, ct), "the erased address is still in the database file's bytes");
    }

    /// <summary>Whether the database file's bytes hold the text, once the write-ahead log is written back and emptied.</summary>
    private static async Task<bool> FileHoldsAsync(CrmApiFactory database, string text, CancellationToken ct)
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        var files = new[] { database.DatabasePath, database.DatabasePath + "-wal" }.Where(File.Exists);
        foreach (var file in files)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every table of the file, every column of every row, text and bytes alike: where any of the values appear.</summary>
    private async Task<List<string>> CellsHoldingAsync(params string[] values)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("emails", tables);
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var text = reader.GetValue(column) switch
                    {
                        string value => value,
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        _ => "",
                    };
                    if (values.Any(value => text.Contains(value, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table}.{reader.GetName(column)}");
                    }
                }
            }
        }
        return found.Distinct().ToList();
    }

    [Fact]
    public async Task Erase_AnotherAccountsContactOrANonContact_NotFoundAndNothingChanges()
    {
        var world = await CreateAsync();
        var intruder = await CrmClient.SignInAsync(factory);

        (await intruder.PostAsync($"/api/contacts/{world.Megan}/erase", new { })).AssertProblem(HttpStatusCode.NotFound, "id");
        (await world.Rep.PostAsync($"/api/contacts/{world.Deal}/erase", new { })).AssertProblem(HttpStatusCode.NotFound, "id");

        Assert.Equal(HttpStatusCode.OK, (await world.Rep.GetAsync($"/api/records/contact/{world.Megan}")).Status);
        Assert.Equal(0, await factory.CountRowsAsync("erased_addresses", world.Rep.AccountId));
    }
}
