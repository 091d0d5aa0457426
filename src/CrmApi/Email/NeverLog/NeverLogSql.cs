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
