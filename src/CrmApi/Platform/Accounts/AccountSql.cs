using OutlookCrm.CrmApi.Platform.Data;

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

    public const string GetUsersByIds = """
        SELECT id, account_id, object_id, email, email_normalized, display_name, created_at
        FROM users
        WHERE account_id = @AccountId
          AND id IN @Ids
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

    // Only when the last sighting is older than the cutoff or the roles changed: the in-memory throttle in front of it
    // keeps one instance from writing per request, and this keeps several instances from writing more than once.
    public const string TouchLastSeen = """
        UPDATE users
        SET last_seen_at = @Now,
            last_roles = @Roles
        WHERE account_id = @AccountId
          AND id = @Id
          AND (last_seen_at IS NULL OR last_seen_at < @Cutoff OR last_roles IS NULL OR last_roles <> @Roles)
        """;

    private const string PersonColumns = "id, object_id, email, display_name, created_at, last_seen_at, last_roles";

    // Keyset paging on (display_name, id): the same cost on every page, and a name that changes moves one row only.
    private const string PeopleWhere = """
        WHERE account_id = @AccountId
          AND (@AfterName IS NULL OR display_name > @AfterName OR (display_name = @AfterName AND id > @AfterId))
        ORDER BY display_name, id
        """;

    public static readonly DialectSql PeoplePage = new(
        Sqlite: $"""
            SELECT {PersonColumns}
            FROM users
            {PeopleWhere}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {PersonColumns}
            FROM users
            {PeopleWhere}
            """);
}
