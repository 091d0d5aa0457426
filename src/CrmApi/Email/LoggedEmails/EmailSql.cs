using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

public static class EmailSql
{
    private const string Columns = """
        e.id, e.account_id, e.internet_message_id, e.conversation_id, e.kind, e.direction, e.subject,
        e.from_address, e.from_name, e.sent_at, e.body_html, e.preview, e.logged_because, e.created_at,
        e.sender_address, e.sender_name, e.attachments, e.inserted, e.body_purged_at
        """;

    private const string TimelineColumns = """
        e.id, e.account_id, e.internet_message_id, e.conversation_id, e.kind, e.direction, e.subject,
        e.from_address, e.from_name, e.sent_at, '' AS body_html, e.preview, e.logged_because, e.created_at,
        e.sender_address, e.sender_name, e.inserted, e.body_purged_at
        """;

    public const string GetById = $"""
        SELECT {Columns}
        FROM emails e
        WHERE e.account_id = @AccountId
          AND e.id = @Id
        """;

    public const string GetIdByMessageId = """
        SELECT id
        FROM emails
        WHERE account_id = @AccountId
          AND internet_message_id = @InternetMessageId
        """;

    // Newest first on (sent_at, email_id): one range scan of ix_email_associations_timeline per page.
    private const string TimelineFrom = """
        FROM email_associations ea
        INNER JOIN emails e ON e.id = ea.email_id
        WHERE ea.account_id = @AccountId
          AND ea.record_id = @RecordId
        """;

    private const string TimelineAfter = """
          AND ea.sent_at <= @AfterSentAt
          AND (ea.sent_at < @AfterSentAt OR ea.email_id < @AfterEmailId)
        """;

    private const string TimelineOrder = """
        ORDER BY ea.sent_at DESC, ea.email_id DESC
        """;

    public static readonly DialectSql TimelineFirstPage = new(
        Sqlite: $"""
            SELECT {TimelineColumns}
            {TimelineFrom}
            {TimelineOrder}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {TimelineColumns}
            {TimelineFrom}
            {TimelineOrder}
            """);

    public static readonly DialectSql TimelineNextPage = new(
        Sqlite: $"""
            SELECT {TimelineColumns}
            {TimelineFrom}
            {TimelineAfter}
            {TimelineOrder}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {TimelineColumns}
            {TimelineFrom}
            {TimelineAfter}
            {TimelineOrder}
            """);

    public const string GetParticipants = """
        SELECT email_id, account_id, role, position, address, address_normalized, display_name
        FROM email_participants
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        ORDER BY email_id, role, position
        """;

    public const string GetAssociatedRecordIds = """
        SELECT record_id
        FROM email_associations
        WHERE account_id = @AccountId
          AND email_id = @EmailId
        """;

    public const string Create = """
        INSERT INTO emails (id, account_id, internet_message_id, conversation_id, kind, direction, subject,
                            from_address, from_name, sent_at, body_html, preview, logged_because, created_at,
                            sender_address, sender_name, attachments, inserted)
        VALUES (@Id, @AccountId, @InternetMessageId, @ConversationId, @Kind, @Direction, @Subject,
                @FromAddress, @FromName, @SentAt, @BodyHtml, @Preview, @LoggedBecause, @CreatedAt,
                @SenderAddress, @SenderName, @Attachments, @Inserted)
        """;

    public const string CreateParticipant = """
        INSERT INTO email_participants (email_id, account_id, role, position, address, address_normalized, display_name)
        VALUES (@EmailId, @AccountId, @Role, @Position, @Address, @AddressNormalized, @DisplayName)
        """;

    public const string CreateAssociation = """
        INSERT INTO email_associations (email_id, record_id, account_id, sent_at, created_at)
        VALUES (@EmailId, @RecordId, @AccountId, @SentAt, @CreatedAt)
        """;

    // Removing emails (erasure, never-log purge): their sightings, participants and timeline entries go with them.
    public const string DeleteSightingsOfEmails = """
        DELETE FROM email_sightings
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        """;

    public const string DeleteParticipantsOfEmails = """
        DELETE FROM email_participants
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        """;

    public const string DeleteAssociationsOfEmails = """
        DELETE FROM email_associations
        WHERE account_id = @AccountId
          AND email_id IN @EmailIds
        """;

    public const string DeleteEmails = """
        DELETE FROM emails
        WHERE account_id = @AccountId
          AND id IN @EmailIds
        """;

    private const string AssociationsOfRecord = """
        FROM email_associations
        WHERE account_id = @AccountId
          AND record_id = @RecordId
        """;

    public const string DeleteAssociationsOfRecord = $"""
        DELETE {AssociationsOfRecord}
        """;

    public const string CountAssociationsOfRecord = $"""
        SELECT COUNT(*)
        {AssociationsOfRecord}
        """;

    // A batch at a time, so the purge never holds the writer long; the email keeps its subject and participants.
    public static readonly DialectSql PurgeBodies = new(
        Sqlite: """
            UPDATE emails
            SET body_html = '',
                preview = '',
                body_purged_at = @Now
            WHERE id IN (SELECT id
                         FROM emails
                         WHERE account_id = @AccountId
                           AND sent_at < @Before
                           AND body_purged_at IS NULL
                         LIMIT @BatchSize)
            """,
        SqlServer: """
            UPDATE TOP (@BatchSize) emails
            SET body_html = N'',
                preview = N'',
                body_purged_at = @Now
            WHERE account_id = @AccountId
              AND sent_at < @Before
              AND body_purged_at IS NULL
            """);
}
