namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary>Three queries answer a card for many records at once: the records, their related records, their last email.</summary>
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

    // The newest row per record comes from the top of ix_email_associations_timeline, whatever the timeline's length.
    public const string LastEmails = """
        SELECT ea.record_id, e.id AS email_id, e.kind, e.subject, ea.sent_at
        FROM email_associations ea
        INNER JOIN emails e ON e.id = ea.email_id
        WHERE ea.account_id = @AccountId
          AND ea.record_id IN @Ids
          AND ea.sent_at = (SELECT MAX(x.sent_at)
                            FROM email_associations x
                            WHERE x.account_id = ea.account_id
                              AND x.record_id = ea.record_id)
        """;
}
