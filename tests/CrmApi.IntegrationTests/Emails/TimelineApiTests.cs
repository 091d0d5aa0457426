using System.Net;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Emails;

public class TimelineApiTests(CrmApiFactory factory)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timeline_PagedByCursor_NewestFirstEveryEmailOnce()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan" });
        var logged = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            // Pairs share a sent time, so the id breaks ties on page boundaries.
            logged.Add(await factory.LogAsync(rep.AccountId, [contact], Start.AddMinutes(i / 2), subject: $"Email {i}"));
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var path = $"/api/records/contact/{contact}/timeline?limit=10" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await rep.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("emailId").GetGuid()));
            cursor = page.Json.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
        var expectedOrder = logged.Select((id, i) => (id, sent: Start.AddMinutes(i / 2))).OrderByDescending(e => e.sent).ThenByDescending(e => e.id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select(e => e.id);
        Assert.Equal(expectedOrder, seen);
    }

    [Fact]
    public async Task Timeline_Item_CarriesKindTitleParticipantsAndReason()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan" });
        await factory.LogAsync(rep.AccountId, [contact], Start, subject: "FW: Pricing", kind: EmailKinds.Forward, body: "<p>See <b>below</b></p>");

        var item = Assert.Single((await rep.GetAsync($"/api/records/contact/{contact}/timeline")).Json.GetProperty("items").EnumerateArray());

        Assert.Equal("forward", item.GetProperty("kind").GetString());
        Assert.StartsWith("Email - Fwd", item.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("outgoing", item.GetProperty("direction").GetString());
        Assert.Equal("alex@contoso.com", item.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal("Megan@fabrikam.com", Assert.Single(item.GetProperty("to").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal("lee@northwind.example.com", Assert.Single(item.GetProperty("cc").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal("See below", item.GetProperty("preview").GetString());
        Assert.Equal("test", item.GetProperty("loggedBecause").GetString());
        Assert.Equal(Start, item.GetProperty("sentAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Timeline_CursorOfAnotherRecordOrTampered_Refused()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var megan = await rep.CreateAsync("contact", new { name = "Megan" });
        var lee = await rep.CreateAsync("contact", new { name = "Lee" });
        for (var i = 0; i < 3; i++)
        {
            await factory.LogAsync(rep.AccountId, [megan, lee], Start.AddMinutes(i));
        }
        var cursor = (await rep.GetAsync($"/api/records/contact/{megan}/timeline?limit=1")).Json.GetProperty("nextCursor").GetString()!;
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];

        (await rep.GetAsync($"/api/records/contact/{lee}/timeline?cursor={cursor}")).AssertProblem(HttpStatusCode.BadRequest, "cursor");
        (await rep.GetAsync($"/api/records/contact/{megan}/timeline?cursor={tampered}")).AssertProblem(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task Email_ById_SanitisedBodyAndAssociations()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan" });
        var deal = await rep.CreateAsync("deal", new { name = "200 seats" });
        var id = await factory.LogAsync(rep.AccountId, [contact, deal], Start, body: "<p onclick=\"steal()\">Hi</p><script>alert('x')</script>");

        var email = await rep.GetAsync($"/api/emails/{id}");

        Assert.Equal(HttpStatusCode.OK, email.Status);
        Assert.Equal("<p>Hi</p>", email.Json.GetProperty("bodyHtml").GetString());
        Assert.Equal("archive@contoso.com", Assert.Single(email.Json.GetProperty("bcc").EnumerateArray()).GetProperty("address").GetString());
        var associated = email.Json.GetProperty("associations").EnumerateArray().Select(record => record.GetProperty("id").GetGuid()).Order();
        Assert.Equal(new[] { contact, deal }.Order(), associated);
    }

    [Fact]
    public async Task Email_SameMessageIdTwice_StoredOnce()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contact = await rep.CreateAsync("contact", new { name = "Megan" });

        var first = await factory.LogAsync(rep.AccountId, [contact], Start, messageId: "<same@contoso.com>");
        var second = await factory.LogAsync(rep.AccountId, [contact], Start, messageId: "<same@contoso.com>");

        Assert.Equal(first, second);
        Assert.Equal(1, await factory.CountRowsAsync("emails", rep.AccountId));
    }
}
