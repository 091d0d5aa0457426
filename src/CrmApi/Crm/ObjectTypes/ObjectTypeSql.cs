namespace OutlookCrm.CrmApi.Crm.ObjectTypes;

public static class ObjectTypeSql
{
    public const string GetByName = """
        SELECT id, account_id, name, label, plural_label, is_builtin, created_at
        FROM object_types
        WHERE account_id = @AccountId
          AND name = @Name
        """;

    public const string GetMany = """
        SELECT id, account_id, name, label, plural_label, is_builtin, created_at
        FROM object_types
        WHERE account_id = @AccountId
        ORDER BY is_builtin DESC, name
        """;

    public const string Create = """
        INSERT INTO object_types (id, account_id, name, label, plural_label, is_builtin, created_at)
        VALUES (@Id, @AccountId, @Name, @Label, @PluralLabel, @IsBuiltin, @CreatedAt)
        """;
}
