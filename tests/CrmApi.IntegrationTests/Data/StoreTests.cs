using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>The stores' statements against each configured engine: the same test body, one row per database.</summary>
public class StoreTests
{
    private static RecordInput Named(string name, params string[] emails) =>
        new(name, null, null, emails.Length == 0 ? null : emails.Select((email, i) => new EmailInput(email, i == 0)).ToList(), null, null, null);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Records_CreateReadSearchDelete_RoundTrip(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var crm = new CrmStores(Databases.Get(provider));
        var user = await crm.NewAccountAsync(ct);
        var megan = await crm.CreateAsync(user, "contact", Named("Megan Bowen", "Megan@Fabrikam.com", "megan@outlook.com"), ct);
        var fabrikam = await crm.CreateAsync(user, "company", new RecordInput("Fabrikam", null, null, null, "fabrikam.com", null, null), ct);

        var read = await crm.Records.GetByIdAsync(user.AccountId, megan, ct);
        var many = await crm.Records.GetManyByIdsAsync(user.AccountId, [megan, fabrikam], ct);
        var emails = await crm.Records.GetEmailsAsync(user.AccountId, [megan], ct);
        var contactType = await crm.Types.GetByNameAsync(user.AccountId, "contact", ct);
        var found = await crm.Records.SearchAsync(user.AccountId, contactType!.Id, "bowen", null, 10, ct);

        Assert.Equal("Megan Bowen", read!.Name);
        Assert.Equal("contact", read.TypeName);
        Assert.Equal(2, many.Count);
        Assert.Equal(["megan@fabrikam.com", "megan@outlook.com"], emails[megan].Select(email => email.AddressNormalized));
        Assert.Equal(megan, Assert.Single(found).Id);
        Assert.True(await crm.Records.DeleteAsync(user.AccountId, megan, ct));
        Assert.Null(await crm.Records.GetByIdAsync(user.AccountId, megan, ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lookup_SharedAddressAndCompanies_AcrossTheAccountOnly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var crm = new CrmStores(Databases.Get(provider));
        var user = await crm.NewAccountAsync(ct);
        var other = await crm.NewAccountAsync(ct);
        var lee = await crm.CreateAsync(user, "contact", Named("Lee", "purchasing@northwind.example.com"), ct);
        var isaiah = await crm.CreateAsync(user, "contact", Named("Isaiah", "purchasing@northwind.example.com"), ct);
        await crm.CreateAsync(other, "contact", Named("Not mine", "purchasing@northwind.example.com"), ct);
        var northwind = await crm.CreateAsync(user, "company", new RecordInput("Northwind", null, null, null, null, null, null), ct);
        await crm.Associations.CreateAsync(new AssociationRow { Id = Guid.CreateVersion7(), AccountId = user.AccountId, FromRecordId = lee, ToRecordId = northwind, Label = "", CreatedAt = DateTimeOffset.UtcNow }, ct);

        var result = Assert.Single(await crm.Lookup.FindContactsAsync(user.AccountId, ["purchasing@northwind.example.com"], ct));

        Assert.Equal(new[] { lee, isaiah }.Order(), result.Contacts.Select(contact => contact.Id).Order());
        Assert.Equal(northwind, Assert.Single(result.Contacts.Single(contact => contact.Id == lee).Companies).Id);
        Assert.Empty(result.Contacts.Single(contact => contact.Id == isaiah).Companies);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Emails_StoredOnceAndPagedNewestFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var crm = new CrmStores(Databases.Get(provider));
        var user = await crm.NewAccountAsync(ct);
        var contact = await crm.CreateAsync(user, "contact", Named("Megan", "megan@fabrikam.com"), ct);
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            var email = CrmStores.Email(user.AccountId, $"<{i}-{Guid.NewGuid():N}@contoso.com>", [contact]) with { Subject = $"Email {i}", SentAt = start.AddMinutes(i) };
            Assert.IsType<WriteEmailResult.Logged>(await crm.Writer.WriteAsync(email, ct));
            Assert.IsType<WriteEmailResult.AlreadyLogged>(await crm.Writer.WriteAsync(email, ct));
        }

        var first = await crm.Emails.GetTimelinePageAsync(user.AccountId, contact, null, 4, ct);
        var second = await crm.Emails.GetTimelinePageAsync(user.AccountId, contact, (first[^1].SentAt, first[^1].Id), 4, ct);
        var participants = await crm.Emails.GetParticipantsAsync(user.AccountId, first.Select(email => email.Id).ToList(), ct);

        Assert.Equal(["Email 6", "Email 5", "Email 4", "Email 3", "Email 2", "Email 1", "Email 0"], first.Concat(second).Select(email => email.Subject));
        Assert.Equal(start.AddMinutes(6), first[0].SentAt);
        Assert.All(first, email => Assert.Equal(2, participants[email.Id].Count()));
    }
}
