using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Audit;

public static class AccountAuditSql
{
    public const string Append = """
        INSERT INTO account_audit (id, account_id, occurred_at, actor_user_id, actor, action, target, before_json, after_json, count)
        VALUES (@Id, @AccountId, @OccurredAt, @ActorUserId, @Actor, @Action, @Target, @BeforeJson, @AfterJson, @Count)
        """;

    private const string Columns = "id, account_id, occurred_at, actor_user_id, actor, action, target, before_json, after_json, count";

    // Newest first; the keyset is (occurred_at, id), the index's own order read backwards.
    private const string Where = """
        WHERE account_id = @AccountId
          AND (@AfterAt IS NULL OR occurred_at < @AfterAt OR (occurred_at = @AfterAt AND id < @AfterId))
        ORDER BY occurred_at DESC, id DESC
        """;

    public static readonly DialectSql Page = new(
        Sqlite: $"""
            SELECT {Columns}
            FROM account_audit
            {Where}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            FROM account_audit
            {Where}
            """);
}
