using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Lookup;

/// <summary>
/// An internationalised domain is one domain in both spellings (IDNA, RFC 5890/5891): mail headers carry the A-label
/// (xn--bcher-kva.de), people type the U-label (bücher.de). Every route that matches addresses or domains meets them.
/// </summary>
public class InternationalDomainTests(CrmApiFactory factory)
{
    private const string Unicode = "bücher.de";
    private const string Ascii = "xn--bcher-kva.de";

    [Fact]
    public async Task Lookup_ContactTypedInUnicode_FoundByTheHeaderSpellingInAnyCase()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var muller = await rep.ContactAsync($"müller@{Unicode}", "Jana Müller");

        var reply = await rep.GetAsync($"/api/lookup?email={Uri.EscapeDataString($"MÜLLER@{Ascii}")}&email={Uri.EscapeDataString($"müller@{Unicode}")}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Json.GetProperty("results").EnumerateArray().ToList();
        // Each spelling answered as asked (the pane finds its answer by what it asked), both with the one contact.
        Assert.Equal([$"müller@{Ascii}", $"müller@{Unicode}"], results.Select(result => result.GetProperty("email").GetString()));
        Assert.All(results, result => Assert.Equal(muller, Assert.Single(result.GetProperty("contacts").EnumerateArray()).GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Records_ContactCreatedFromTheHeaderSpelling_StoredInUnicodeAndFoundByEither()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var muller = await rep.ContactAsync($"Müller@{Ascii}", "Jana Müller");

        var bothSpellings = await rep.PostAsync("/api/records/contact", new { name = "Twice", emails = new[] { new { address = $"jana@{Unicode}", primary = true }, new { address = $"Jana@{Ascii}", primary = false } } });
        var byUnicode = Assert.Single((await rep.GetAsync($"/api/lookup?email={Uri.EscapeDataString($"müller@{Unicode}")}")).Json.GetProperty("results").EnumerateArray());
        var searched = (await rep.GetAsync($"/api/search?q={Uri.EscapeDataString($"müller@{Ascii}")}")).Json.GetProperty("items").EnumerateArray();

        Assert.Equal(muller, Assert.Single(byUnicode.GetProperty("contacts").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(muller, Assert.Single(searched).GetProperty("id").GetGuid());
        // One address in two spellings is one address: listed twice on a contact, it is refused as a repeat.
        bothSpellings.AssertProblem(HttpStatusCode.BadRequest, "emails[1].address");
    }

    [Fact]
    public async Task NewContact_HeaderSpellingOfACompanysDomain_JoinsThatCompany()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var company = await rep.CreateAsync("company", new { name = "Bücher GmbH", domain = Unicode });
        var sales = await rep.CreateAsync("company", new { name = "Bücher Vertrieb", domain = $"vertrieb.{Ascii}" });

        var anna = await rep.PostAsync("/api/contacts/from-address", new { address = $"anna@{Ascii}" });
        var ben = await rep.PostAsync("/api/contacts/from-address", new { address = $"ben@eu.vertrieb.{Unicode}" });

        Assert.Equal(HttpStatusCode.Created, anna.Status);
        Assert.Equal(company, anna.Json.GetProperty("company").GetProperty("id").GetGuid());
        Assert.False(anna.Json.GetProperty("companyCreated").GetBoolean());
        Assert.Equal(sales, ben.Json.GetProperty("company").GetProperty("id").GetGuid());
        Assert.Equal($"vertrieb.{Unicode}", (await rep.GetAsync($"/api/records/company/{sales}")).Json.GetProperty("domain").GetString());
        var found = (await rep.GetAsync($"/api/records/company?q={Ascii}")).Json.GetProperty("items").EnumerateArray();
        Assert.Equal(company, Assert.Single(found).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task NewContact_UnknownInternationalisedDomain_CompanyNamedAndStoredInUnicode()
    {
        var rep = await CrmClient.SignInAsync(factory);

        var reply = await rep.PostAsync("/api/contacts/from-address", new { address = $"anna@{Ascii}" });

        Assert.True(reply.Json.GetProperty("companyCreated").GetBoolean());
        var company = (await rep.GetAsync($"/api/records/company/{reply.Json.GetProperty("company").GetProperty("id").GetGuid()}")).Json;
        Assert.Equal("Bücher", company.GetProperty("name").GetString());
        Assert.Equal(Unicode, company.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task NeverLog_DomainInEitherSpelling_PurgesAndBlocksTheOther()
    {
        var connected = await ConnectedRep.CreateAsync(factory);
        var anna = await connected.Rep.ContactAsync($"anna@{Unicode}", "Anna Schmidt");
        await connected.IntentAsync("t-idn-before", [anna]);
        await connected.SendAsync("t-idn-before", "Angebot", to: $"anna@{Ascii}");
        await Emulator.EventuallyAsync(async () => (await connected.TimelineAsync("contact", anna)).Count == 1, "the first email");

        // The entry in the header spelling finds the email whose participant is stored in Unicode (the purge, in SQL).
        var unconfirmed = await connected.Rep.PostAsync("/api/never-log", new { value = Ascii.ToUpperInvariant() });
        var confirmed = await connected.Rep.PostAsync("/api/never-log", new { value = Ascii, confirmPurge = true });

        Assert.Equal(1, unconfirmed.Json.GetProperty("wouldPurge").GetInt32());
        Assert.Equal(1, confirmed.Json.GetProperty("purged").GetInt32());
        Assert.Equal(Unicode, confirmed.Json.GetProperty("entry").GetProperty("value").GetString());
        Assert.Empty(await connected.TimelineAsync("contact", anna));

        // And the stored entry blocks the next email to the header spelling (the logging rules, in memory).
        await connected.IntentAsync("t-idn-after", [anna]);
        var after = (await connected.SendAsync("t-idn-after", "Nachfrage", to: $"anna@{Ascii}")).GetProperty("internetMessageId").GetString()!;
        var status = $"/api/emails/status?internetMessageId={Uri.EscapeDataString(after)}";
        await Emulator.EventuallyAsync(async () => (await connected.Rep.GetAsync(status)).Json.GetProperty("status").GetString() == "notLogged", "decided");
        Assert.Equal($"never-log list (domain {Unicode})", (await connected.Rep.GetAsync(status)).Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task InternalDomain_InTheHeaderSpelling_CoversTheUnicodeOneAndItsSubdomains()
    {
        var rep = await CrmClient.SignInAsync(factory);
        await rep.SetPrivacyAsync(true, unknownRecipients: "block", internalDomains: [Ascii.ToUpperInvariant()]);

        var settings = (await rep.GetAsync("/api/settings/privacy")).Json;
        var check = await rep.SendCheckAsync([$"jana@{Unicode}", $"ben@eu.{Ascii}"]);

        Assert.Equal([Unicode], settings.GetProperty("internalDomains").EnumerateArray().Select(domain => domain.GetString()));
        Assert.True(check.GetProperty("allowed").GetBoolean(), check.ToString());
    }

    [Fact]
    public async Task Erase_AddressTypedInUnicode_SuppressedAndRedactedInTheHeaderSpellingToo()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var anna = await rep.ContactAsync($"anna@{Unicode}", "Anna Schmidt");
        var lee = await rep.ContactAsync("lee@northwind.example.com", "Lee Gu");
        var shared = await factory.LogAsync(rep.AccountId, [anna, lee], DateTimeOffset.UtcNow, body: $"<p>anna@{Ascii} wrote: ANNA@{Unicode}</p>",
            to: [new Mailbox($"anna@{Ascii}", "Anna"), new Mailbox("lee@northwind.example.com", "Lee")]);

        var erased = await rep.PostAsync($"/api/contacts/{anna}/erase", new { });
        var recreate = await rep.PostAsync("/api/records/contact", new { name = "Anna again", emails = new[] { new { address = $"ANNA@{Ascii}", primary = true } } });
        var email = (await rep.GetAsync($"/api/emails/{shared}")).Json;

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        recreate.AssertProblem(HttpStatusCode.BadRequest, "emails[0].address");
        var body = email.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("anna@", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("erased@redacted.invalid", email.GetProperty("to").EnumerateArray().Select(to => to.GetProperty("address").GetString()));
    }
}
