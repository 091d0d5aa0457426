using System.Globalization;
using System.Text.Json;
using Dapper;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

/// <summary>The body of <c>POST /api/contacts/from-address</c>: the address, and a name and job title when the rep knows them.</summary>
public sealed record NewContactRequest(string? Address, string? Name, string? JobTitle);

public sealed record NewContactResponse(RecordResponse Contact, RecordSummary? Company, bool CompanyCreated);

/// <summary>
/// "Create contact" for an address the CRM does not know: the contact, and the company its domain names — the one the
/// CRM has, or a new one — associated, all in one transaction. Personal mail (gmail.com) and the account's own domains
/// name no company.
/// </summary>
public sealed class ContactFromAddress(Db db, SaveRecord save, RecordStore records, PrivacyStore privacy, TimeProvider clock)
{
    private sealed record CompanyRow
    {
        public required Guid Id { get; init; }
        public required string Type { get; init; }
        public required string Name { get; init; }
        public required string Domain { get; init; }
    }

    public async Task<Outcome<NewContactResponse>> CreateAsync(CurrentUser user, NewContactRequest request, CancellationToken ct)
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
        var name = string.IsNullOrWhiteSpace(request.Name) ? NameFromAddress(normalized) : request.Name.Trim();
        var contact = await save.PrepareAsync(user, BuiltinTypes.Contact, new RecordInput(name, null, properties, [new EmailInput(address, true)], null, null, null), ct);
        if (contact is not PreparedRecord.Ready ready)
        {
            return Refused(((PreparedRecord.Refused)contact).Result);
        }

        var domain = normalized[(normalized.LastIndexOf('@') + 1)..];
        var internalDomains = await privacy.GetInternalDomainsAsync(user.AccountId, ct);
        if (CompanyDomains.IsPersonal(domain) || InternalDomains.Contains(internalDomains, normalized))
        {
            await records.CreateManyAsync([(ready.Record, ready.Emails)], [], ct);
            return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, null, false));
        }
        var existing = await CompanyOfAsync(user.AccountId, domain, ct);
        var now = clock.GetUtcNow();
        if (existing is not null)
        {
            await records.CreateManyAsync([(ready.Record, ready.Emails)], [Association(user, ready.Record.Id, existing.Id, now)], ct);
            return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, new RecordSummary(existing.Id, existing.Type, existing.Name), false));
        }
        var company = await save.PrepareAsync(user, BuiltinTypes.Company, new RecordInput(CompanyDomains.NameFor(domain), null, null, null, domain, null, null), ct);
        if (company is not PreparedRecord.Ready newCompany)
        {
            return Refused(((PreparedRecord.Refused)company).Result);
        }
        await records.CreateManyAsync([(ready.Record, ready.Emails), (newCompany.Record, [])], [Association(user, ready.Record.Id, newCompany.Record.Id, now)], ct);
        return Outcome<NewContactResponse>.Done(new NewContactResponse(ready.Response, newCompany.Record.ToSummary(), true));
    }

    private async Task<CompanyRow?> CompanyOfAsync(Guid accountId, string domain, CancellationToken ct)
    {
        var domains = CompanyDomains.WithParents(domain);
        await using var connection = await db.OpenAsync(ct);
        var found = (await connection.QueryAsync<CompanyRow>(new CommandDefinition(NewContactSql.CompaniesOfDomains, new { AccountId = accountId, Domains = domains }, cancellationToken: ct))).AsList();
        // The most specific domain wins: eu.fabrikam.com's own company before fabrikam.com's.
        return domains.Select(candidate => found.FirstOrDefault(row => row.Domain == candidate)).FirstOrDefault(row => row is not null);
    }

    private AssociationRow Association(CurrentUser user, Guid contactId, Guid companyId, DateTimeOffset now) => new()
    {
        Id = clock.NewId(),
        AccountId = user.AccountId,
        FromRecordId = contactId,
        ToRecordId = companyId,
        Label = "",
        CreatedAt = now,
    };

    /// <summary>"megan.bowen@…" → "Megan Bowen": a start the rep can correct.</summary>
    public static string NameFromAddress(string normalizedAddress)
    {
        var local = normalizedAddress[..normalizedAddress.IndexOf('@', StringComparison.Ordinal)];
        var words = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? normalizedAddress : string.Join(' ', words.Select(word => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word)));
    }

    private static Outcome<NewContactResponse> Refused(SaveRecordResult result) => result switch
    {
        SaveRecordResult.Invalid invalid => Outcome<NewContactResponse>.Invalid(InTermsOfTheRequest(invalid.Errors)),
        SaveRecordResult.NotFound missing => Outcome<NewContactResponse>.NotFound(missing.Field, missing.Detail),
        _ => throw new InvalidOperationException($"Unexpected {result}"),
    };

    /// <summary>The contact's only address is this request's <c>address</c>: errors name the field the caller sent.</summary>
    private static ValidationErrors InTermsOfTheRequest(ValidationErrors errors)
    {
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                renamed.Add(field.StartsWith("emails[0]", StringComparison.Ordinal) ? "address" : field, message);
            }
        }
        return renamed;
    }
}
