using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>Bad legal-basis requests: a problem naming the field, nothing written, nothing audited but what happened.</summary>
public class PrivacyBadInputTests(CrmApiFactory factory)
{
    public static TheoryData<string, string, string, HttpStatusCode, string> BadRequests() => new()
    {
        { "POST", "/api/contacts/{contact}/subscriptions", """{"type":"one-to-one","legalBasis":"because"}""", HttpStatusCode.BadRequest, "legalBasis" },
        { "POST", "/api/contacts/{contact}/subscriptions", """{"type":"one-to-one"}""", HttpStatusCode.BadRequest, "legalBasis" },
        { "POST", "/api/contacts/{contact}/subscriptions", """{"type":"newsletter","legalBasis":"consent"}""", HttpStatusCode.BadRequest, "type" },
        { "POST", "/api/contacts/{contact}/subscriptions", """{"type":"one-to-one","status":"maybe","legalBasis":"consent"}""", HttpStatusCode.BadRequest, "status" },
        { "POST", "/api/contacts/{optedOut}/subscriptions", """{"type":"one-to-one","legalBasis":"consent"}""", HttpStatusCode.BadRequest, "type" },
        { "POST", "/api/contacts/{company}/subscriptions", """{"type":"one-to-one","legalBasis":"consent"}""", HttpStatusCode.NotFound, "id" },
        { "POST", "/api/contacts/{contact}/one-time-basis", """{"legalBasis":"because","explanation":"x"}""", HttpStatusCode.BadRequest, "legalBasis" },
        { "POST", "/api/contacts/{contact}/one-time-basis", """{"legalBasis":"consent","explanation":"   "}""", HttpStatusCode.BadRequest, "explanation" },
        { "POST", "/api/contacts/{contact}/one-time-basis", """{"legalBasis":"consent"}""", HttpStatusCode.BadRequest, "explanation" },
        { "POST", "/api/contacts/{contact}/one-time-basis", """{"legalBasis":"consent","explanation":"x","trackingId":""}""", HttpStatusCode.BadRequest, "trackingId" },
        { "POST", "/api/contacts/{optedOut}/one-time-basis", """{"legalBasis":"consent","explanation":"A quote they asked for"}""", HttpStatusCode.BadRequest, "transactional" },
        { "POST", "/api/contacts/{other}/one-time-basis", """{"legalBasis":"consent","explanation":"x"}""", HttpStatusCode.NotFound, "id" },
        { "POST", "/api/contacts/not-an-id/one-time-basis", """{"legalBasis":"consent","explanation":"x"}""", HttpStatusCode.BadRequest, "id" },
        { "POST", "/api/contacts/{contact}/global-opt-out", """{}""", HttpStatusCode.BadRequest, "optedOut" },
        { "POST", "/api/contacts/{contact}/global-opt-out", """{"optedOut":"yes"}""", HttpStatusCode.BadRequest, "optedOut" },
        { "GET", "/api/contacts/{other}/communication", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/contacts/{other}/audit", "", HttpStatusCode.NotFound, "id" },
        { "PUT", "/api/settings/privacy", """{"unknownRecipients":"block"}""", HttpStatusCode.BadRequest, "enabled" },
        { "PUT", "/api/settings/privacy", """{"enabled":true,"unknownRecipients":"ignore"}""", HttpStatusCode.BadRequest, "unknownRecipients" },
        { "PUT", "/api/settings/privacy", """{"enabled":true,"internalDomains":["contoso.com","not a domain"]}""", HttpStatusCode.BadRequest, "internalDomains[1]" },
        { "POST", "/api/subscription-types", """{"name":"one-to-one","label":"Again"}""", HttpStatusCode.Conflict, "name" },
        { "POST", "/api/subscription-types", """{"name":"News Letter","label":"News"}""", HttpStatusCode.BadRequest, "name" },
        { "POST", "/api/compose/send-check", """{"to":["megan@fabrikam.com","nope"]}""", HttpStatusCode.BadRequest, "to[1]" },
        { "POST", "/api/compose/send-check", """{"to":["megan@fabrikam.com"],"bcc":["@x"]}""", HttpStatusCode.BadRequest, "bcc[0]" },
        { "POST", "/api/compose/send-check", """{"from":"me","to":["megan@fabrikam.com"]}""", HttpStatusCode.BadRequest, "from" },
        { "POST", "/api/compose/send-check", """{"to":["megan@fabrikam.com"],"associations":["{other}"]}""", HttpStatusCode.NotFound, "associations[0]" },
        { "POST", "/api/compose/send-check", """{"to":["megan@fabrikam.com"],"associations":["oops"]}""", HttpStatusCode.BadRequest, "associations[0]" },
        { "POST", "/api/compose/context", """{"to":["megan@fabrikam.com"],"startedFrom":{"type":"ticket","id":"{contact}"}}""", HttpStatusCode.NotFound, "startedFrom.id" },
        { "POST", "/api/compose/context", """{"to":["megan@fabrikam.com"],"startedFrom":{"type":"ticket"}}""", HttpStatusCode.BadRequest, "startedFrom" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_ProblemNamesTheField_NothingWrittenOrAudited(string method, string path, string body, HttpStatusCode status, string field)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var other = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        var optedOut = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        await rep.OptOutAsync(optedOut);
        var company = await rep.CreateAsync("company", new { name = "Fabrikam" });
        var othersContact = await other.ContactAsync("megan@fabrikam.com");
        string Fill(string text) => text.Replace("{contact}", contact.ToString(), StringComparison.Ordinal)
            .Replace("{optedOut}", optedOut.ToString(), StringComparison.Ordinal)
            .Replace("{company}", company.ToString(), StringComparison.Ordinal)
            .Replace("{other}", othersContact.ToString(), StringComparison.Ordinal);
        var before = await SnapshotAsync(rep.AccountId, other.AccountId);

        var reply = await rep.SendAsync(new HttpMethod(method), Fill(path), body.Length == 0 ? null : Fill(body));

        reply.AssertProblem(status, field);
        Assert.Equal(before, await SnapshotAsync(rep.AccountId, other.AccountId));
    }

    [Fact]
    public async Task Audit_NoRouteChangesIt()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        await rep.SubscribeAsync(contact);
        var trail = (await rep.GetAsync($"/api/contacts/{contact}/audit")).Text;

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
        {
            var reply = await rep.SendAsync(method, $"/api/contacts/{contact}/audit", "{}");
            Assert.True(reply.Status == HttpStatusCode.MethodNotAllowed, $"{method} answered {reply.Status}");
        }
        var entry = (await rep.AuditAsync(contact))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await rep.DeleteAsync($"/api/contacts/{contact}/audit/{entry}")).Status);
        Assert.Equal(trail, (await rep.GetAsync($"/api/contacts/{contact}/audit")).Text);
    }

    [Fact]
    public async Task Audit_TheDatabaseRefusesUpdatesAndDeletes()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        await rep.OptOutAsync(contact);
        await using var connection = new SqliteConnection(factory.ConnectionString);
        var account = new { AccountId = rep.AccountId.ToString("D").ToUpperInvariant() };

        var update = await Record.ExceptionAsync(() => connection.ExecuteAsync("UPDATE communication_audit SET event = 'nothing' WHERE account_id = @AccountId", account));
        var delete = await Record.ExceptionAsync(() => connection.ExecuteAsync("DELETE FROM communication_audit WHERE account_id = @AccountId", account));

        Assert.Contains("append-only", Assert.IsType<SqliteException>(update).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.IsType<SqliteException>(delete).Message, StringComparison.Ordinal);
        Assert.Equal("optedOut", Assert.Single(await rep.AuditAsync(contact)).GetProperty("event").GetString());
    }

    [Fact]
    public async Task Audit_RecordsWhoWhenWhatAndWhy()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.ContactAsync("megan@fabrikam.com");
        await rep.SetPrivacyAsync(true);
        var me = (await rep.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();

        await rep.SendCheckAsync(["megan@fabrikam.com"], trackingId: "t-blocked");
        await rep.SubscribeAsync(contact, "contract");
        await rep.SendCheckAsync(["megan@fabrikam.com"], trackingId: "t-allowed");
        await rep.SubscribeAsync(contact, status: "unsubscribed");
        await rep.OptOutAsync(contact);
        await rep.OptOutAsync(contact);
        await rep.OptOutAsync(contact, optedOut: false);

        var trail = await rep.AuditAsync(contact);
        Assert.Equal(["sendBlocked", "basisGranted", "sendAllowed", "basisWithdrawn", "optedOut", "optOutCleared"], trail.Select(entry => entry.GetProperty("event").GetString()));
        Assert.All(trail, entry => Assert.Equal(me, entry.GetProperty("actorUserId").GetGuid()));
        Assert.Equal("contract", trail[1].GetProperty("legalBasis").GetString());
        Assert.Equal("Customer since 2024", trail[1].GetProperty("explanation").GetString());
        Assert.Equal("subscription", trail[2].GetProperty("reason").GetString());
        Assert.Equal("t-allowed", trail[2].GetProperty("trackingId").GetString());
        Assert.True(trail.Zip(trail.Skip(1)).All(pair => pair.First.GetProperty("occurredAt").GetDateTimeOffset() <= pair.Second.GetProperty("occurredAt").GetDateTimeOffset()));
    }

    private async Task<string> SnapshotAsync(params Guid[] accounts)
    {
        var counts = new List<long>();
        foreach (var account in accounts)
        {
            foreach (var table in new[] { "records", "communication_audit", "one_time_bases", "contact_subscriptions", "contact_opt_outs" })
            {
                counts.Add(await factory.CountRowsAsync(table, account));
            }
        }
        return string.Join(',', counts);
    }
}
