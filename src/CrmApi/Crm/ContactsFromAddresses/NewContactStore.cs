using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

public sealed record CompanyOfDomain
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public required string Name { get; init; }
    public required string Domain { get; init; }
}

public sealed class NewContactStore(Db db)
{
    /// <summary>The companies of any of these domains, oldest first.</summary>
    public async Task<IReadOnlyList<CompanyOfDomain>> GetCompaniesOfDomainsAsync(Guid accountId, IReadOnlyCollection<string> domains, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CompanyOfDomain>(new CommandDefinition(
            NewContactSql.CompaniesOfDomains, new { AccountId = accountId, Domains = domains }, cancellationToken: ct))).AsList();
    }
}
