namespace OutlookCrm.CrmApi.Crm.ContactsFromAddresses;

public static class NewContactSql
{
    // ix_records_account_domain answers this; the oldest company of a domain is the one contacts join.
    public const string CompaniesOfDomains = """
        SELECT r.id, t.name AS type, r.name, r.domain
        FROM records r
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE r.account_id = @AccountId
          AND r.domain IN @Domains
          AND t.name = 'company'
        ORDER BY r.created_at, r.id
        """;
}
