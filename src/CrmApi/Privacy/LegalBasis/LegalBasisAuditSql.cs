using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// The legal-basis audit across the account, newest first, keyset paged on (occurred_at, id). One statement per
/// leading filter, so each reads its own index (account_id first): the contact's, the actor's, the event's, or the
/// account's time order; the other filters narrow what that index gives.
/// </summary>
public static class LegalBasisAuditSql
{
    private const string Columns = """
        id, account_id, contact_id, event, subscription_type, legal_basis, explanation, reason, tracking_id,
               actor_user_id, occurred_at
        """;

    private const string Narrowing = """
          AND (@ContactId IS NULL OR contact_id = @ContactId)
          AND (@Event IS NULL OR event = @Event)
          AND (@ActorUserId IS NULL OR actor_user_id = @ActorUserId)
          AND (@From IS NULL OR occurred_at >= @From)
          AND (@To IS NULL OR occurred_at < @To)
          AND (@AfterAt IS NULL OR occurred_at < @AfterAt OR (occurred_at = @AfterAt AND id < @AfterId))
        ORDER BY occurred_at DESC, id DESC
        """;

    public static readonly DialectSql PageOfContact = Page("AND contact_id = @ContactId");

    public static readonly DialectSql PageOfActor = Page("AND actor_user_id = @ActorUserId");

    public static readonly DialectSql PageOfEvent = Page("AND event = @Event");

    public static readonly DialectSql PageOfAccount = Page("");

    // Which of these contacts were erased (their record is gone, their trail says why).
    public const string ErasedAmong = """
        SELECT DISTINCT contact_id
        FROM communication_audit
        WHERE account_id = @AccountId
          AND contact_id IN @ContactIds
          AND event = 'erased'
        """;

    private static DialectSql Page(string lead) => new(
        Sqlite: $"""
            SELECT {Columns}
            FROM communication_audit
            WHERE account_id = @AccountId
              {lead}
            {Narrowing}
            LIMIT @Limit
            """,
        SqlServer: $"""
            SELECT TOP (@Limit) {Columns}
            FROM communication_audit
            WHERE account_id = @AccountId
              {lead}
            {Narrowing}
            """);
}
