using System.Globalization;
using System.Text.Json;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

/// <summary>The body of <c>POST /api/contacts/from-address</c>: the address, and a name and job title when the rep knows them.</summary>
public sealed record NewContactRequest(string? Address, string? Name, string? JobTitle);

public sealed record NewContactResponse(RecordResponse Contact, RecordSummary? Company, bool CompanyCreated);

/// <summary>
/// "Create contact" for an address the CRM does not know: the contact, and the company its domain names — the one the
/// CRM has, or a new one — associated, all in one transaction. Personal mail (gmail.com) and the account's own domains
/// name no company. The one way a contact is made from an address: the pane's button and logging's unknown recipients.
/// </summary>
public sealed class ContactFromAddress(Db db, SaveRecord save, NewContactStore store, IOwnDomains ownDomains, TimeProvider clock)
{
    public Task<Outcome<NewContactResponse>> CreateAsync(CurrentUser user, NewContactRequest request, CancellationToken ct) =>
        CreateAsync(user.AccountId, user.UserId, request, source: null, ct);

    /// <summary>
    /// The contact owned by <paramref name="ownerByDefault"/> (none when logging makes it), its <c>source</c> property
    /// saying where it came from when given.
    /// </summary>
    public async Task<Outcome<NewContactResponse>> CreateAsync(Guid accountId, Guid? ownerByDefault, NewContactRequest request, string? source, CancellationToken ct)
    {
        if (!EmailAddresses.TryNormalize(request.Address, out var normalized))
        {
            return Outcome<NewContactResponse>.Invalid("address", "Give the email address of the new contact.");
        }
        var address = request.Address!.Trim();
        var properties = new Dictionary<string, JsonElement>();
        if (!string.IsNullOrWhiteSpace(request.JobTitle))
        {
            properties[Cards.CardStore.TitleProperty] = JsonSerializer.SerializeToElement(request.JobTitle.Trim());
        }
        if (source is not null)
        {
            properties[SourceProperty] = JsonSerializer.SerializeToElement(source);
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? NameFromAddress(normalized) : request.Name.Trim();
        var contact = await save.PrepareAsync(accountId, ownerByDefault, BuiltinTypes.Contact, new RecordInput(name, null, properties, [new EmailInput(address, true)], null, null, null), ct);
        if (contact.Value is not { } ready)
        {
            return InTermsOfTheRequest(contact);
        }

        // Normalised, so an xn-- address finds the company stored as bücher.de, and a new company is named in Unicode.
        var domain = EmailAddresses.DomainOf(normalized);
        if (CompanyDomains.IsPersonal(domain) || await ownDomains.IsOwnAsync(accountId, normalized, ct))
        {
            await StoreAsync([ready], [], ct);
            return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, null, false));
        }
        var existing = await CompanyOfAsync(accountId, domain, ct);
        if (existing is not null)
        {
            await StoreAsync([ready], [Association(ready.Record, existing.Id)], ct);
            return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, new RecordSummary(existing.Id, existing.Type, existing.Name), false));
        }
        var company = await save.PrepareAsync(accountId, ownerByDefault, BuiltinTypes.Company, new RecordInput(CompanyDomains.NameFor(domain), null, null, null, domain, null, null), ct);
        if (company.Value is not { } newCompany)
        {
            return InTermsOfTheRequest(company);
        }
        await StoreAsync([ready, newCompany], [Association(ready.Record, newCompany.Record.Id)], ct);
        return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, newCompany.Record.ToSummary(), true));
    }

    /// <summary>Where a contact came from, when not from a rep's hand (e.g. "created by email logging").</summary>
    public const string SourceProperty = "source";

    /// <summary>The records, their addresses and their associations, all or nothing.</summary>
    private Task StoreAsync(IReadOnlyList<NewRecord> created, IReadOnlyList<AssociationRow> associations, CancellationToken ct) =>
        db.InTransactionAsync(async transaction =>
        {
            foreach (var record in created)
            {
                await RecordStore.CreateAsync(transaction, record.Record, record.Emails, ct);
            }
            await AssociationStore.CreateAsync(transaction, associations, ct);
        }, ct);

    private async Task<CompanyOfDomain?> CompanyOfAsync(Guid accountId, string domain, CancellationToken ct)
    {
        var domains = CompanyDomains.WithParents(domain);
        var found = await store.GetCompaniesOfDomainsAsync(accountId, domains, ct);
        // The most specific domain wins: eu.fabrikam.com's own company before fabrikam.com's.
        return domains.Select(candidate => found.FirstOrDefault(row => row.Domain == candidate)).FirstOrDefault(row => row is not null);
    }

    private AssociationRow Association(CrmRecord contact, Guid companyId) => new()
    {
        Id = clock.NewId(),
        AccountId = contact.AccountId,
        FromRecordId = contact.Id,
        ToRecordId = companyId,
        Label = "",
        CreatedAt = contact.CreatedAt,
    };

    /// <summary>"megan.bowen@…" → "Megan Bowen": a start the rep can correct.</summary>
    public static string NameFromAddress(string normalizedAddress)
    {
        var local = normalizedAddress[..normalizedAddress.IndexOf('@', StringComparison.Ordinal)];
        var words = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? normalizedAddress : string.Join(' ', words.Select(word => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word)));
    }

    /// <summary>The contact's only address is this request's <c>address</c>: errors name the field the caller sent.</summary>
    private static Outcome<NewContactResponse> InTermsOfTheRequest(Outcome<NewRecord> refused)
    {
        if (refused.Errors is not { } errors)
        {
            return refused.Failed<NewContactResponse>();
        }
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                renamed.Add(field.StartsWith("emails[0]", StringComparison.Ordinal) ? "address" : field, message);
            }
        }
        return Outcome<NewContactResponse>.Invalid(renamed);
    }
}
