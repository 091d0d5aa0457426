using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Records;

public static class RecordSql
{
    private const string Columns = """
        r.id, r.account_id, r.object_type_id, t.name AS type_name, r.name, r.owner_user_id,
        r.domain, r.stage, r.status, r.properties, r.created_at, r.updated_at
        """;

    public const string GetById = $"""
        SELECT {Columns}
        FROM records r
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE r.account_id = @AccountId
          AND r.id = @Id
        """;

    public const string GetManyByIds = $"""
        SELECT {Columns}
        FROM records r
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE r.account_id = @AccountId
          AND r.id IN @Ids
        """;

    // The one search rule, for a type's list (GET /api/records/{type}?q=) and for the search across types
    // (GET /api/search?q=): the name holds the text anywhere, or a contact's address or a company's domain starts with
    // it. RecordStore.SearchPatterns makes @Contains and @StartsWith from the text, wildcards escaped.
    private const string Matches = """
        (r.name LIKE @Contains ESCAPE '\'
         OR r.domain LIKE @StartsWith ESCAPE '\'
         OR EXISTS (SELECT 1
                    FROM contact_emails ce
                    WHERE ce.account_id = r.account_id
                      AND ce.record_id = r.id
                      AND ce.address_normalized LIKE @StartsWith ESCAPE '\'))
        """;

    // Keyset paging on (name, id): the same cost on every page. Without a query, every record of the type.
    private const string SearchWhere = $"""
        WHERE r.account_id = @AccountId
          AND r.object_type_id = @ObjectTypeId
          AND (@Contains IS NULL
               OR {Matches})
          AND (@AfterName IS NULL
               OR r.name > @AfterName
               OR (r.name = @AfterName AND r.id > @AfterId))
        ORDER BY r.name, r.id
        """;

    public static readonly DialectSql Search = new(
        Sqlite: $"""
            SELECT {Columns}
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {SearchWhere}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {SearchWhere}
            """);

    // Records of every type, first page only: the pane's association picker and "start from a record".
    private const string EveryTypeWhere = $"""
        WHERE r.account_id = @AccountId
          AND {Matches}
        ORDER BY r.name, r.id
        """;

    public static readonly DialectSql SearchEveryType = new(
        Sqlite: $"""
            SELECT r.id, t.name AS type, r.name
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {EveryTypeWhere}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) r.id, t.name AS type, r.name
            FROM records r
            INNER JOIN object_types t ON t.id = r.object_type_id
            {EveryTypeWhere}
            """);

    public const string Create = """
        INSERT INTO records (id, account_id, object_type_id, name, owner_user_id, domain, stage, status, properties, created_at, updated_at)
        VALUES (@Id, @AccountId, @ObjectTypeId, @Name, @OwnerUserId, @Domain, @Stage, @Status, @Properties, @CreatedAt, @UpdatedAt)
        """;

    public const string Update = """
        UPDATE records
        SET name = @Name,
            owner_user_id = @OwnerUserId,
            domain = @Domain,
            stage = @Stage,
            status = @Status,
            properties = @Properties,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string Delete = """
        DELETE FROM records
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string GetEmails = """
        SELECT id, account_id, record_id, address, address_normalized, is_primary
        FROM contact_emails
        WHERE account_id = @AccountId
          AND record_id IN @RecordIds
        ORDER BY is_primary DESC, address_normalized
        """;

    public const string CreateEmail = """
        INSERT INTO contact_emails (id, account_id, record_id, address, address_normalized, is_primary)
        VALUES (@Id, @AccountId, @RecordId, @Address, @AddressNormalized, @IsPrimary)
        """;

    public const string DeleteEmails = """
        DELETE FROM contact_emails
        WHERE account_id = @AccountId
          AND record_id = @RecordId
        """;
}
