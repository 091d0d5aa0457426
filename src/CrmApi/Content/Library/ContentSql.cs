using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Content.Library;

public static class ContentSql
{
    private const string Columns = """
        c.id, c.account_id, c.kind, c.name, c.subject, c.body_html, c.url, c.details, c.deal_id, c.public_token,
        c.owner_user_id, c.sharing, c.team_id, c.created_by, c.created_at, c.updated_by, c.updated_at,
        u.display_name AS owner_name,
        CASE WHEN EXISTS (SELECT 1 FROM content_files f WHERE f.content_id = c.id) THEN 1 ELSE 0 END AS has_file
        """;

    private const string From = """
        FROM content_items c
        INNER JOIN users u ON u.id = c.owner_user_id
        """;

    // Who sees an item: its owner; everyone in the account when shared with everyone; a team's members when shared
    // with that team. Every read of the library goes through this.
    private const string Visible = """
        c.account_id = @AccountId
          AND (c.owner_user_id = @UserId
               OR c.sharing = 'everyone'
               OR (c.sharing = 'team'
                   AND EXISTS (SELECT 1
                               FROM team_members m
                               WHERE m.account_id = c.account_id
                                 AND m.team_id = c.team_id
                                 AND m.user_id = @UserId)))
        """;

    public const string GetVisible = $"""
        SELECT {Columns}
        {From}
        WHERE {Visible}
          AND c.id = @Id
        """;

    // Name anywhere, or the subject or body text; keyset paging on (name, id) costs the same on every page.
    private const string SearchWhere = $"""
        WHERE {Visible}
          AND (@Kind IS NULL OR c.kind = @Kind)
          AND (@Contains IS NULL
               OR c.name LIKE @Contains ESCAPE '\'
               OR c.subject LIKE @Contains ESCAPE '\'
               OR c.body_html LIKE @Contains ESCAPE '\')
          AND (@AfterName IS NULL
               OR c.name > @AfterName
               OR (c.name = @AfterName AND c.id > @AfterId))
        ORDER BY c.name, c.id
        """;

    public static readonly DialectSql Search = new(
        Sqlite: $"""
            SELECT {Columns}
            {From}
            {SearchWhere}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            {From}
            {SearchWhere}
            """);

    public const string Create = """
        INSERT INTO content_items (id, account_id, kind, name, subject, body_html, url, details, deal_id, public_token,
                                   owner_user_id, sharing, team_id, created_by, created_at, updated_by, updated_at)
        VALUES (@Id, @AccountId, @Kind, @Name, @Subject, @BodyHtml, @Url, @Details, @DealId, @PublicToken,
                @OwnerUserId, @Sharing, @TeamId, @CreatedBy, @CreatedAt, @UpdatedBy, @UpdatedAt)
        """;

    // Only the owner changes an item: the owner check is part of the statement, not a read before it.
    public const string Update = """
        UPDATE content_items
        SET name = @Name,
            subject = @Subject,
            body_html = @BodyHtml,
            url = @Url,
            details = @Details,
            deal_id = @DealId,
            sharing = @Sharing,
            team_id = @TeamId,
            updated_by = @UpdatedBy,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
          AND id = @Id
          AND owner_user_id = @OwnerUserId
        """;

    // A new public token for an item that has one (quotes and documents); the old token finds nothing from now on.
    public const string RotatePublicToken = """
        UPDATE content_items
        SET public_token = @PublicToken,
            updated_by = @UpdatedBy,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
          AND id = @Id
          AND public_token IS NOT NULL
        """;

    public const string DeleteFile = """
        DELETE FROM content_files
        WHERE account_id = @AccountId
          AND content_id = @Id
          AND content_id IN (SELECT id FROM content_items WHERE account_id = @AccountId AND owner_user_id = @UserId)
        """;

    public const string Delete = """
        DELETE FROM content_items
        WHERE account_id = @AccountId
          AND id = @Id
          AND owner_user_id = @UserId
        """;

    public const string GetByPublicToken = $"""
        SELECT {Columns}
        {From}
        WHERE c.public_token = @PublicToken
        """;

    /// <summary>The caller's own meeting link, the newest: what {{sender.meetingLink}} stands for.</summary>
    public static readonly DialectSql MeetingLinkOf = new(
        Sqlite: """
            SELECT url
            FROM content_items
            WHERE account_id = @AccountId
              AND owner_user_id = @UserId
              AND kind = 'meeting'
            ORDER BY updated_at DESC
            LIMIT 1
            """,
        SqlServer: """
            SELECT TOP (1) url
            FROM content_items
            WHERE account_id = @AccountId
              AND owner_user_id = @UserId
              AND kind = 'meeting'
            ORDER BY updated_at DESC
            """);

    public const string TeamMembership = """
        SELECT COUNT(*)
        FROM team_members
        WHERE account_id = @AccountId
          AND team_id = @TeamId
          AND user_id = @UserId
        """;
}
