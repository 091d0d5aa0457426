namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// The purged_* tables hold a never-log purge's emails with the live tables' own columns (a test compares them), so
/// moving out and back are INSERT ... SELECT of the same list.
/// </summary>
public static class EmailTrashSql
{
    private const string EmailColumns = """
        id, account_id, internet_message_id, conversation_id, kind, direction, subject, from_address, from_name, sent_at,
        body_html, preview, logged_because, created_at, sender_address, sender_name, attachments, inserted, body_purged_at
        """;

    private const string ParticipantColumns = "email_id, account_id, role, position, address, address_normalized, display_name";

    private const string AssociationColumns = "email_id, record_id, account_id, sent_at, created_at";

    private const string SightingColumns = "email_id, mailbox_id, account_id, folder, graph_message_id, conversation_id, seen_at";

    public static readonly IReadOnlyList<string> MoveOut =
    [
        $"INSERT INTO purged_emails (purge_id, {EmailColumns}) SELECT @PurgeId, {EmailColumns} FROM emails WHERE account_id = @AccountId AND id IN @EmailIds",
        $"INSERT INTO purged_email_participants (purge_id, {ParticipantColumns}) SELECT @PurgeId, {ParticipantColumns} FROM email_participants WHERE account_id = @AccountId AND email_id IN @EmailIds",
        $"INSERT INTO purged_email_associations (purge_id, {AssociationColumns}) SELECT @PurgeId, {AssociationColumns} FROM email_associations WHERE account_id = @AccountId AND email_id IN @EmailIds",
        $"INSERT INTO purged_email_sightings (purge_id, {SightingColumns}) SELECT @PurgeId, {SightingColumns} FROM email_sightings WHERE account_id = @AccountId AND email_id IN @EmailIds",
    ];

    // An email logged again since the purge (same Message-ID) stays as it is now, and its old copy is not restored.
    public const string RestoreEmails = $"""
        INSERT INTO emails ({EmailColumns})
        SELECT {EmailColumns}
        FROM purged_emails p
        WHERE p.account_id = @AccountId
          AND p.purge_id = @PurgeId
          AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.account_id = p.account_id AND e.internet_message_id = p.internet_message_id)
        """;

    // The rows of the emails restored above only; an association's record or a sighting's mailbox deleted since stays gone.
    public static readonly IReadOnlyList<string> RestoreRows =
    [
        $"""
        INSERT INTO email_participants ({ParticipantColumns})
        SELECT {ParticipantColumns} FROM purged_email_participants p
        WHERE p.account_id = @AccountId AND p.purge_id = @PurgeId
          AND EXISTS (SELECT 1 FROM emails e WHERE e.account_id = p.account_id AND e.id = p.email_id)
        """,
        $"""
        INSERT INTO email_associations ({AssociationColumns})
        SELECT {AssociationColumns} FROM purged_email_associations p
        WHERE p.account_id = @AccountId AND p.purge_id = @PurgeId
          AND EXISTS (SELECT 1 FROM emails e WHERE e.account_id = p.account_id AND e.id = p.email_id)
          AND EXISTS (SELECT 1 FROM records r WHERE r.account_id = p.account_id AND r.id = p.record_id)
        """,
        $"""
        INSERT INTO email_sightings ({SightingColumns})
        SELECT {SightingColumns} FROM purged_email_sightings p
        WHERE p.account_id = @AccountId AND p.purge_id = @PurgeId
          AND EXISTS (SELECT 1 FROM emails e WHERE e.account_id = p.account_id AND e.id = p.email_id)
          AND EXISTS (SELECT 1 FROM mailboxes m WHERE m.account_id = p.account_id AND m.id = p.mailbox_id)
        """,
    ];

    public static readonly IReadOnlyList<string> DeletePurge =
    [
        "DELETE FROM purged_email_sightings WHERE account_id = @AccountId AND purge_id = @PurgeId",
        "DELETE FROM purged_email_associations WHERE account_id = @AccountId AND purge_id = @PurgeId",
        "DELETE FROM purged_email_participants WHERE account_id = @AccountId AND purge_id = @PurgeId",
        "DELETE FROM purged_emails WHERE account_id = @AccountId AND purge_id = @PurgeId",
    ];

    // Erasure reaches the purged copies too: every purged email the erased address took part in goes for good.
    public static readonly IReadOnlyList<string> DeleteOfAddress =
    [
        "DELETE FROM purged_email_sightings WHERE account_id = @AccountId AND email_id IN (SELECT email_id FROM purged_email_participants WHERE account_id = @AccountId AND address_normalized = @Address)",
        "DELETE FROM purged_email_associations WHERE account_id = @AccountId AND email_id IN (SELECT email_id FROM purged_email_participants WHERE account_id = @AccountId AND address_normalized = @Address)",
        "DELETE FROM purged_emails WHERE account_id = @AccountId AND id IN (SELECT email_id FROM purged_email_participants WHERE account_id = @AccountId AND address_normalized = @Address)",
        "DELETE FROM purged_email_participants WHERE account_id = @AccountId AND email_id IN (SELECT email_id FROM purged_email_participants WHERE account_id = @AccountId AND address_normalized = @Address)",
    ];

    // What DeleteOfAddress would take, for an erasure's preview: the purged emails any of the addresses took part in.
    public const string CountOfAddresses = """
        SELECT COUNT(*)
        FROM purged_emails
        WHERE account_id = @AccountId
          AND id IN (SELECT email_id FROM purged_email_participants WHERE account_id = @AccountId AND address_normalized IN @Addresses)
        """;
}
