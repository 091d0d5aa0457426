namespace OutlookCrm.CrmApi.Platform.Accounts;

public static class AccountSql
{
    public const string GetByTenantId = """
        SELECT id, tenant_id, name, created_at, allow_guests
        FROM accounts
        WHERE tenant_id = @TenantId
        """;

    public const string Create = """
        INSERT INTO accounts (id, tenant_id, name, created_at)
        VALUES (@Id, @TenantId, @Name, @CreatedAt)
        """;

    public const string SetAllowGuests = """
        UPDATE accounts
        SET allow_guests = @AllowGuests
        WHERE id = @AccountId
        """;

    public const string GetUserByObjectId = """
        SELECT id, account_id, object_id, email, email_normalized, display_name, created_at
        FROM users
        WHERE account_id = @AccountId
          AND object_id = @ObjectId
        """;

    public const string GetUserById = """
        SELECT id, account_id, object_id, email, email_normalized, display_name, created_at
        FROM users
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string CreateUser = """
        INSERT INTO users (id, account_id, object_id, email, email_normalized, display_name, created_at)
        VALUES (@Id, @AccountId, @ObjectId, @Email, @EmailNormalized, @DisplayName, @CreatedAt)
        """;

    public const string UpdateUserProfile = """
        UPDATE users
        SET email = @Email,
            email_normalized = @EmailNormalized,
            display_name = @DisplayName
        WHERE account_id = @AccountId
          AND id = @Id
        """;
}
