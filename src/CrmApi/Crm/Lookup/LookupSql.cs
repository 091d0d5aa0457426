namespace OutlookCrm.CrmApi.Crm.Lookup;

public static class LookupSql
{
    // Every contact with each address: never one picked silently when several share it.
    public const string ContactsByAddress = """
        SELECT ce.address_normalized, r.id AS contact_id, r.name, r.owner_user_id
        FROM contact_emails ce
        INNER JOIN records r ON r.id = ce.record_id
        WHERE ce.account_id = @AccountId
          AND ce.address_normalized IN @Addresses
          AND r.account_id = @AccountId
        ORDER BY ce.address_normalized, r.name, r.id
        """;

    public const string CompaniesOfContacts = """
        SELECT a.from_record_id AS contact_id, r.id, r.name, r.domain
        FROM associations a
        INNER JOIN records r ON r.id = a.to_record_id
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE a.account_id = @AccountId
          AND a.from_record_id IN @ContactIds
          AND t.name = 'company'
        ORDER BY r.name, r.id
        """;
}
