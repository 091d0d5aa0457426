using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Lookup;

/// <summary>
/// Finds the contacts of many addresses at once: three indexed queries on one connection, whatever the number of
/// addresses (the pane asks for every sender and recipient of a message in one call).
/// </summary>
public sealed class LookupStore(Db db)
{
    public async Task<IReadOnlyList<AddressMatches>> FindContactsAsync(Guid accountId, IReadOnlyList<string> normalizedAddresses, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindAsync(connection, accountId, normalizedAddresses, ct);
    }

    /// <summary>The same, with the contact the rep chose for a shared address, read on the same connection.</summary>
    public async Task<IReadOnlyList<AddressMatches>> FindContactsForUserAsync(Guid accountId, Guid userId, IReadOnlyList<string> normalizedAddresses, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var found = await FindAsync(connection, accountId, normalizedAddresses, ct);
        var chosen = await AddressChoices.AddressChoiceStore.GetManyAsync(connection, accountId, userId, normalizedAddresses, ct);
        return found.Select(result => result with { ChosenContactId = chosen.TryGetValue(result.Email, out var id) ? id : null }).ToList();
    }

    /// <summary>Each address's contacts, one row per (address, contact), on a caller's connection (the send check's).</summary>
    public static async Task<IReadOnlyList<ContactMatchRow>> FindMatchesAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<string> normalizedAddresses, CancellationToken ct) =>
        normalizedAddresses.Count == 0 ? [] : (await connection.QueryAsync<ContactMatchRow>(new CommandDefinition(
            LookupSql.ContactsByAddress, new { AccountId = accountId, Addresses = normalizedAddresses }, cancellationToken: ct))).AsList();

    private static async Task<IReadOnlyList<AddressMatches>> FindAsync(DbConnection connection, Guid accountId, IReadOnlyList<string> normalizedAddresses, CancellationToken ct)
    {
        var matches = await FindMatchesAsync(connection, accountId, normalizedAddresses, ct);
        var contactIds = matches.Select(match => match.ContactId).Distinct().ToList();
        var emails = await RecordStore.GetEmailsAsync(connection, null, accountId, contactIds, ct);
        var companies = contactIds.Count == 0
            ? Array.Empty<CompanyOfContactRow>().ToLookup(company => company.ContactId)
            : (await connection.QueryAsync<CompanyOfContactRow>(new CommandDefinition(
                LookupSql.CompaniesOfContacts, new { AccountId = accountId, ContactIds = contactIds }, cancellationToken: ct))).ToLookup(company => company.ContactId);
        var byAddress = matches.ToLookup(match => match.AddressNormalized);
        return normalizedAddresses.Select(address => new AddressMatches(
            address,
            byAddress[address].Select(match => new MatchedContact(
                match.ContactId,
                match.Name,
                match.OwnerUserId,
                emails[match.ContactId].FirstOrDefault(email => email.IsPrimary)?.Address,
                emails[match.ContactId].Select(email => email.Address).ToList(),
                companies[match.ContactId].Select(company => new ContactCompany(company.Id, company.Name, company.Domain)).DistinctBy(company => company.Id).ToList())).ToList())).ToList();
    }
}
