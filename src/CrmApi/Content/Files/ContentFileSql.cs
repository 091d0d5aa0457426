namespace OutlookCrm.CrmApi.Content.Files;

public static class ContentFileSql
{
    public const string Delete = """
        DELETE FROM content_files
        WHERE account_id = @AccountId
          AND content_id = @ContentId
        """;

    public const string Create = """
        INSERT INTO content_files (content_id, account_id, file_name, content_type, bytes, uploaded_at)
        VALUES (@ContentId, @AccountId, @FileName, @ContentType, @Bytes, @UploadedAt)
        """;

    public const string TouchItem = """
        UPDATE content_items
        SET updated_by = @UserId,
            updated_at = @UploadedAt
        WHERE account_id = @AccountId
          AND id = @ContentId
        """;

    public const string GetByPublicToken = """
        SELECT f.file_name, f.content_type, f.bytes
        FROM content_files f
        INNER JOIN content_items c ON c.id = f.content_id
        WHERE c.public_token = @PublicToken
          AND c.kind = 'document'
        """;
}
