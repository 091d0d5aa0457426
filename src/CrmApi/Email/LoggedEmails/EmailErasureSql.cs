namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>What erasing a contact does to logged emails: which concerned it, and its redaction in the others.</summary>
public static class EmailErasureSql
{
    public const string GetEmailsTouching = """
        SELECT email_id
        FROM email_participants
        WHERE account_id = @AccountId
          AND address_normalized IN @Addresses
        UNION
        SELECT email_id
        FROM email_associations
        WHERE account_id = @AccountId
          AND record_id = @ContactId
        """;

    public const string GetParticipantAddresses = """
        SELECT email_id, address_normalized
        FROM email_participants
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        """;

    public const string GetEmailsWithOtherContacts = """
        SELECT ea.email_id
        FROM email_associations ea
        INNER JOIN records r ON r.id = ea.record_id
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE ea.account_id = @AccountId
          AND ea.email_id IN @EmailIds
          AND ea.record_id <> @ContactId
          AND t.name = 'contact'
        """;

    public const string GetEmailTexts = """
        SELECT id, subject, from_address, from_name, body_html, preview
        FROM emails
        WHERE account_id = @AccountId
          AND id IN @EmailIds
        """;

    public const string RedactParticipant = """
        UPDATE email_participants
        SET address = @RedactedAddress,
            address_normalized = @RedactedNormalized,
            display_name = NULL
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
          AND address_normalized = @Address
        """;

    public const string RedactEmailTexts = """
        UPDATE emails
        SET subject = @Subject,
            from_address = @FromAddress,
            from_name = @FromName,
            body_html = @BodyHtml,
            preview = @Preview
        WHERE account_id = @AccountId
          AND id = @Id
        """;
}
