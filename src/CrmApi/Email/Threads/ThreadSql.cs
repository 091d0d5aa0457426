namespace OutlookCrm.CrmApi.Email.Threads;

public static class ThreadSql
{
    public const string GetEmailsByMessageIds = """
        SELECT id, internet_message_id
        FROM emails
        WHERE account_id = @AccountId
          AND internet_message_id IN @MessageIds
        """;

    public const string GetRecordIdsOfEmails = """
        SELECT DISTINCT record_id
        FROM email_associations
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        """;

    public const string GetEmailOfConversation = """
        SELECT email_id
        FROM email_sightings
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND conversation_id = @ConversationId
        ORDER BY seen_at
        """;

    public const string GetEmailsOfConversation = """
        SELECT DISTINCT email_id
        FROM email_sightings
        WHERE account_id = @AccountId
          AND conversation_id = @ConversationId
        """;

    public const string AddSighting = """
        INSERT INTO email_sightings (email_id, mailbox_id, account_id, folder, graph_message_id, conversation_id, seen_at)
        SELECT @EmailId, @MailboxId, @AccountId, @Folder, @GraphMessageId, @ConversationId, @SeenAt
        WHERE NOT EXISTS (SELECT 1
                          FROM email_sightings
                          WHERE email_id = @EmailId
                            AND mailbox_id = @MailboxId)
        """;

    public const string GetSightingMessageId = """
        SELECT graph_message_id
        FROM email_sightings
        WHERE account_id = @AccountId
          AND email_id = @EmailId
          AND mailbox_id = @MailboxId
        """;

    // Associations merge: a record already on the email's timeline is not added twice.
    public const string AddAssociation = """
        INSERT INTO email_associations (email_id, record_id, account_id, sent_at, created_at)
        SELECT e.id, @RecordId, e.account_id, e.sent_at, @CreatedAt
        FROM emails e
        WHERE e.account_id = @AccountId
          AND e.id = @EmailId
          -- A record deleted since the intent named it is left out rather than failing the whole write.
          AND EXISTS (SELECT 1
                      FROM records r
                      WHERE r.account_id = @AccountId
                        AND r.id = @RecordId)
          AND NOT EXISTS (SELECT 1
                          FROM email_associations ea
                          WHERE ea.email_id = @EmailId
                            AND ea.record_id = @RecordId)
        """;

    public const string DeleteSightingsOfMailbox = """
        DELETE FROM email_sightings
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;
}
