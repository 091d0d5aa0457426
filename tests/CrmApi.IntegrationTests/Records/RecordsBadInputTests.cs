using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Records;

/// <summary>Every bad request is a 400 or 404 problem that names the field, and writes nothing.</summary>
public class RecordsBadInputTests(CrmApiFactory factory)
{
    public static TheoryData<string, string, string, HttpStatusCode, string> BadRequests() => new()
    {
        // method, path ({contact} {company} are ids of records that exist), raw JSON body, status, field
        { "POST", "/api/records/contact", "{}", HttpStatusCode.BadRequest, "name" },
        { "POST", "/api/records/contact", """{"name":"   "}""", HttpStatusCode.BadRequest, "name" },
        { "POST", "/api/records/contact", """{"name":"M","emails":[{"address":"not-an-address","primary":true}]}""", HttpStatusCode.BadRequest, "emails[0].address" },
        { "POST", "/api/records/contact", """{"name":"M","emails":[{"address":"a@b.com","primary":true},{"address":"c@d.com","primary":true}]}""", HttpStatusCode.BadRequest, "emails" },
        { "POST", "/api/records/contact", """{"name":"M","domain":"fabrikam.com"}""", HttpStatusCode.BadRequest, "domain" },
        { "POST", "/api/records/company", """{"name":"C","domain":"not a domain"}""", HttpStatusCode.BadRequest, "domain" },
        { "POST", "/api/records/company", """{"name":"C","emails":[{"address":"a@b.com","primary":true}]}""", HttpStatusCode.BadRequest, "emails" },
        { "POST", "/api/records/deal", """{"name":"D","stage":"won-ish"}""", HttpStatusCode.BadRequest, "stage" },
        { "POST", "/api/records/ticket", """{"name":"T","status":"open"}""", HttpStatusCode.BadRequest, "status" },
        { "POST", "/api/records/company", """{"name":"C","properties":{"1bad":"x"}}""", HttpStatusCode.BadRequest, "properties.1bad" },
        { "POST", "/api/records/company", """{"name":"C","properties":{"nested":{"a":1}}}""", HttpStatusCode.BadRequest, "properties.nested" },
        { "POST", "/api/records/company", """{"name":42}""", HttpStatusCode.BadRequest, "name" },
        { "POST", "/api/records/company", """{"name":"C","nmae":"typo"}""", HttpStatusCode.BadRequest, "nmae" },
        { "POST", "/api/records/company", """{"name":"C",""", HttpStatusCode.BadRequest, "body" },
        { "POST", "/api/records/company", """{"name":"C","ownerId":"not-a-guid"}""", HttpStatusCode.BadRequest, "ownerId" },
        { "POST", "/api/records/company", """{"name":"C","ownerId":"01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f"}""", HttpStatusCode.BadRequest, "ownerId" },
        { "POST", "/api/records/widget", """{"name":"W"}""", HttpStatusCode.NotFound, "type" },
        { "GET", "/api/records/widget/{contact}", "", HttpStatusCode.NotFound, "type" },
        { "GET", "/api/records/contact/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/records/company/{contact}", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/records/contact/12345", "", HttpStatusCode.BadRequest, "id" },
        { "GET", "/api/records/contact?limit=0", "", HttpStatusCode.BadRequest, "limit" },
        { "GET", "/api/records/contact?limit=101", "", HttpStatusCode.BadRequest, "limit" },
        { "GET", "/api/records/contact?cursor=bm90LWEtY3Vyc29y", "", HttpStatusCode.BadRequest, "cursor" },
        { "GET", "/api/records/widget", "", HttpStatusCode.NotFound, "type" },
        { "PATCH", "/api/records/contact/{contact}", """{"emails":[{"address":"@nope","primary":true}]}""", HttpStatusCode.BadRequest, "emails[0].address" },
        { "PATCH", "/api/records/contact/{contact}", """{"name":""}""", HttpStatusCode.BadRequest, "name" },
        { "PATCH", "/api/records/contact/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f", """{"name":"X"}""", HttpStatusCode.NotFound, "id" },
        { "PATCH", "/api/records/company/{contact}", """{"name":"X"}""", HttpStatusCode.NotFound, "id" },
        { "DELETE", "/api/records/contact/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f", "", HttpStatusCode.NotFound, "id" },
        { "DELETE", "/api/records/company/{contact}", "", HttpStatusCode.NotFound, "id" },
        { "DELETE", "/api/records/contact/xyz", "", HttpStatusCode.BadRequest, "id" },
        { "POST", "/api/object-types", """{"name":"Bad Name","label":"X"}""", HttpStatusCode.BadRequest, "name" },
        { "POST", "/api/object-types", """{"name":"project"}""", HttpStatusCode.BadRequest, "label" },
        { "POST", "/api/object-types", """{"name":"contact","label":"Contact"}""", HttpStatusCode.Conflict, "name" },
        { "POST", "/api/associations", """{"toId":"{company}"}""", HttpStatusCode.BadRequest, "fromId" },
        { "POST", "/api/associations", """{"fromId":"{contact}"}""", HttpStatusCode.BadRequest, "toId" },
        { "POST", "/api/associations", """{"fromId":"{contact}","toId":"{contact}"}""", HttpStatusCode.BadRequest, "toId" },
        { "POST", "/api/associations", """{"fromId":"01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f","toId":"{company}"}""", HttpStatusCode.NotFound, "fromId" },
        { "POST", "/api/associations", """{"fromId":"{contact}","toId":"01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f"}""", HttpStatusCode.NotFound, "toId" },
        { "POST", "/api/associations", """{"fromId":"{contact}","toId":"{company}","label":"LONGLABEL"}""", HttpStatusCode.BadRequest, "label" },
        { "DELETE", "/api/associations/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/records/contact/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f/associations", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/lookup", "", HttpStatusCode.BadRequest, "email" },
        { "GET", "/api/lookup?email=megan@fabrikam.com&email=not-an-address", "", HttpStatusCode.BadRequest, "email[1]" },
        { "GET", "/api/emails/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f", "", HttpStatusCode.NotFound, "id" },
        { "GET", "/api/emails/nope", "", HttpStatusCode.BadRequest, "id" },
        { "GET", "/api/records/contact/{contact}/timeline?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", HttpStatusCode.BadRequest, "cursor" },
        { "GET", "/api/records/contact/{contact}/timeline?limit=1000", "", HttpStatusCode.BadRequest, "limit" },
        { "GET", "/api/records/contact/01936c2a-5b1e-7c3d-9e8f-0a1b2c3d4e5f/timeline", "", HttpStatusCode.NotFound, "id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_ProblemNamesTheField_AndNothingIsWritten(string method, string path, string body, HttpStatusCode status, string field)
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        var company = await rep.CreateAsync("company", new { name = "Fabrikam", domain = "fabrikam.com" });
        string Fill(string text) => text.Replace("{contact}", contact.ToString(), StringComparison.Ordinal)
            .Replace("{company}", company.ToString(), StringComparison.Ordinal)
            .Replace("LONGLABEL", new string('x', 200), StringComparison.Ordinal);
        var before = await SnapshotAsync(rep);

        var reply = await rep.SendAsync(new HttpMethod(method), Fill(path), body.Length == 0 ? null : Fill(body));

        reply.AssertProblem(status, field);
        Assert.Equal(before, await SnapshotAsync(rep));
        var contactNow = await rep.GetAsync($"/api/records/contact/{contact}");
        Assert.Equal("Megan", contactNow.Json.GetProperty("name").GetString());
        Assert.Equal("megan@fabrikam.com", Assert.Single(contactNow.Json.GetProperty("emails").EnumerateArray()).GetProperty("address").GetString());
    }

    private async Task<string> SnapshotAsync(CrmClient rep)
    {
        var counts = new List<long>();
        foreach (var table in new[] { "records", "contact_emails", "associations", "object_types" })
        {
            counts.Add(await factory.CountRowsAsync(table, rep.AccountId));
        }
        return string.Join(',', counts);
    }
}
