using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Audit;

public static class AccountAuditSql
{
    public const string Append = """
        INSERT INTO account_audit (id, account_id, occurred_at, actor_user_id, actor, action, target, before_json, after_json, count)
        VALUES (@Id, @AccountId, @OccurredAt, @ActorUserId, @Actor, @Action, @Target, @BeforeJson, @AfterJson, @Count)
        """;

    private const string Columns = "id, account_id, occurred_at, actor_user_id, actor, action, target, before_json, after_json, count";

    // Newest first; the keyset is (occurred_at, id), the index's own order read backwards. The optional filters narrow
    // what the leading one's index gives (an action's, an actor's, or the account's time order).
    private const string Narrowing = """
          AND (@Action IS NULL OR action = @Action)
          AND (@ActorUserId IS NULL OR actor_user_id = @ActorUserId)
          AND (@From IS NULL OR occurred_at >= @From)
          AND (@To IS NULL OR occurred_at < @To)
          AND (@AfterAt IS NULL OR occurred_at < @AfterAt OR (occurred_at = @AfterAt AND id < @AfterId))
        ORDER BY occurred_at DESC, id DESC
        """;

    public static readonly DialectSql Page = PageOf("");

    public static readonly DialectSql PageOfAction = PageOf("AND action = @Action");

    public static readonly DialectSql PageOfActor = PageOf("AND actor_user_id = @ActorUserId");

    private static DialectSql PageOf(string lead) => new(
        Sqlite: $"""
            SELECT {Columns}
            FROM account_audit
            WHERE account_id = @AccountId
              {lead}
            {Narrowing}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            FROM account_audit
            WHERE account_id = @AccountId
              {lead}
            {Narrowing}
            """);
}
