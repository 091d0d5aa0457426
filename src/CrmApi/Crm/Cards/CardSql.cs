namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary>A card's queries for many records at once: the records and their related records (the last activity is <see cref="ILastActivities"/>').</summary>
public static class CardSql
{
    public const string Records = """
        SELECT r.id, t.name AS type_name, r.name, r.properties, r.owner_user_id, u.display_name AS owner_name, pe.address AS email
        FROM records r
        INNER JOIN object_types t ON t.id = r.object_type_id
        LEFT JOIN users u ON u.id = r.owner_user_id AND u.account_id = r.account_id
        LEFT JOIN contact_emails pe ON pe.account_id = r.account_id AND pe.record_id = r.id AND pe.is_primary = 1
        WHERE r.account_id = @AccountId
          AND r.id IN @Ids
        """;

    // Only the built-in types a card shows; custom objects stay on the record's own associations list. A contact
    // comes with its primary address, so "Email" on a company or deal can fill To.
    public const string Related = """
        SELECT a.from_record_id AS card_id, r.id, t.name AS type_name, r.name, r.stage, r.status, pe.address AS email
        FROM associations a
        INNER JOIN records r ON r.id = a.to_record_id
        INNER JOIN object_types t ON t.id = r.object_type_id
        LEFT JOIN contact_emails pe ON pe.account_id = r.account_id AND pe.record_id = r.id AND pe.is_primary = 1
        WHERE a.account_id = @AccountId
          AND a.from_record_id IN @Ids
          AND t.name IN ('contact', 'company', 'deal', 'ticket')
        ORDER BY r.name, r.id
        """;
}
