namespace OutlookCrm.CrmApi.Email.NeverLog;

public static class NeverLogSql
{
    public const string Create = """
        INSERT INTO never_log (id, account_id, user_id, kind, value, created_at)
        VALUES (@Id, @AccountId, @UserId, @Kind, @Value, @CreatedAt)
        """;

    public const string Delete = """
        DELETE FROM never_log
        WHERE account_id = @AccountId
          AND id = @Id
          AND ((user_id IS NULL AND @MayRemoveAccountEntries = 1) OR user_id = @UserId)
        """;

    // An address entry matches the address; a domain entry the domain and every subdomain.
    public const string GetEmailsOfAddress = """
        SELECT DISTINCT email_id
        FROM email_participants
        WHERE account_id = @AccountId
          AND (address_normalized = @Address
               OR address_normalized LIKE @AtDomain ESCAPE '\'
               OR address_normalized LIKE @DotDomain ESCAPE '\')
        """;

    // A personal entry purges only what its user alone saw: emails with a sighting in a mailbox that is theirs (by the
    // object id Graph gave for it) and none in anyone else's, team and help-desk mailboxes included.
    private const string OnlyInOwnMailbox = """
          AND EXISTS (SELECT 1 FROM email_sightings s INNER JOIN mailboxes m ON m.id = s.mailbox_id
                      WHERE s.account_id = @AccountId AND s.email_id = email_participants.email_id AND m.owner_object_id = @OwnerObjectId)
          AND NOT EXISTS (SELECT 1 FROM email_sightings s INNER JOIN mailboxes m ON m.id = s.mailbox_id
                          WHERE s.account_id = @AccountId AND s.email_id = email_participants.email_id
                            AND (m.owner_object_id IS NULL OR m.owner_object_id <> @OwnerObjectId))
        """;

    public const string GetEmailsOfAddressSeenOnlyByOwner = GetEmailsOfAddress + "\n" + OnlyInOwnMailbox;

    // A few of the emails a purge would remove, newest first: what the admin recognises before confirming (no bodies).
    public static readonly Platform.Data.DialectSql GetSample = new(
        Sqlite: """
            SELECT id, subject, sent_at
            FROM emails
            WHERE account_id = @AccountId
              AND id IN @Ids
            ORDER BY sent_at DESC
            LIMIT @Limit
            """,
        SqlServer: """
            SELECT TOP (@Limit) id, subject, sent_at
            FROM emails
            WHERE account_id = @AccountId
              AND id IN @Ids
            ORDER BY sent_at DESC
            """);

    public const string CreatePurge = """
        INSERT INTO never_log_purges (id, account_id, never_log_id, user_id, value, email_count, purged_at, restorable_until, restored_at)
        VALUES (@Id, @AccountId, @NeverLogId, @UserId, @Value, @EmailCount, @PurgedAt, @RestorableUntil, NULL)
        """;

    public const string GetOpenPurge = """
        SELECT id, account_id, never_log_id, user_id, value, email_count, purged_at, restorable_until, restored_at
        FROM never_log_purges
        WHERE account_id = @AccountId
          AND never_log_id = @NeverLogId
          AND restored_at IS NULL
        """;

    public const string MarkRestored = """
        UPDATE never_log_purges
        SET restored_at = @Now
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public static readonly Platform.Data.DialectSql GetExpiredPurges = new(
        Sqlite: """
            SELECT id, account_id, never_log_id, user_id, value, email_count, purged_at, restorable_until, restored_at
            FROM never_log_purges
            WHERE restorable_until < @Now AND restored_at IS NULL
            ORDER BY restorable_until
            LIMIT @Limit
            """,
        SqlServer: """
            SELECT TOP (@Limit) id, account_id, never_log_id, user_id, value, email_count, purged_at, restorable_until, restored_at
            FROM never_log_purges
            WHERE restorable_until < @Now AND restored_at IS NULL
            ORDER BY restorable_until
            """);

    public const string DeletePurgeRow = """
        DELETE FROM never_log_purges
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string GetById = """
        SELECT id, account_id, user_id, kind, value, created_at
        FROM never_log
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string DeleteById = """
        DELETE FROM never_log
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    // A colleague's address, or a domain (or parent domain) where any user of the account has their address.
    public const string CountUsersMatching = """
        SELECT COUNT(1)
        FROM users
        WHERE account_id = @AccountId
          AND (email_normalized = @Address
               OR email_normalized LIKE @AtDomain ESCAPE '\'
               OR email_normalized LIKE @DotDomain ESCAPE '\')
        """;

    public const string GetUserIdByObjectId = """
        SELECT id
        FROM users
        WHERE account_id = @AccountId
          AND object_id = @ObjectId
        """;

    public const string GetUserIdByEmail = """
        SELECT id
        FROM users
        WHERE account_id = @AccountId
          AND email_normalized = @Email
        """;

    public const string GetNeverLog = """
        SELECT id, account_id, user_id, kind, value, created_at
        FROM never_log
        WHERE account_id = @AccountId
          AND (user_id IS NULL OR user_id = @UserId)
        ORDER BY value
        """;
}
