namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

public static class SubscriptionSql
{
    private const string SubscriptionColumns = """
        id, account_id, mailbox_id, folder, graph_subscription_id, client_state_hash, client_state_key, status, expires_at, created_at, renewed_at, lease_until
        """;

    public const string GetSubscription = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE id = @Id
        """;

    public const string GetSubscriptionsOfMailbox = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE mailbox_id = @MailboxId
        ORDER BY folder, created_at
        """;

    public const string GetActiveSubscriptions = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE status = 'active'
        """;

    public const string GetSubscriptionsDue = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE status = 'active'
          AND expires_at < @RenewBefore
        """;

    // Signed by another key than the current one, or made before clientStates were signed (NULL): to be recreated.
    public const string GetActiveSubscriptionsOfOtherKeys = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE status = 'active'
          AND (client_state_key IS NULL OR client_state_key <> @KeyId)
        """;

    public const string CreateSubscription = $"""
        INSERT INTO graph_subscriptions ({SubscriptionColumns})
        VALUES (@Id, @AccountId, @MailboxId, @Folder, @GraphSubscriptionId, @ClientStateHash, @ClientStateKey, @Status, @ExpiresAt, @CreatedAt, NULL, NULL)
        """;

    public const string ActivateSubscription = """
        UPDATE graph_subscriptions
        SET graph_subscription_id = @GraphSubscriptionId,
            status = 'active',
            expires_at = @ExpiresAt
        WHERE id = @Id
        """;

    public const string RenewSubscription = """
        UPDATE graph_subscriptions
        SET expires_at = @ExpiresAt,
            renewed_at = @RenewedAt,
            lease_until = NULL
        WHERE id = @Id
        """;

    public const string SetSubscriptionStatus = """
        UPDATE graph_subscriptions
        SET status = @Status,
            lease_until = NULL
        WHERE id = @Id
        """;

    public const string LeaseSubscription = """
        UPDATE graph_subscriptions
        SET lease_until = @LeaseUntil
        WHERE id = @Id
          AND (lease_until IS NULL OR lease_until < @Now)
        """;

    public const string DeleteSubscriptionsOfMailbox = """
        DELETE FROM graph_subscriptions
        WHERE mailbox_id = @MailboxId
        """;

    public const string GetSubscriptionsOfAccount = $"""
        SELECT {SubscriptionColumns}
        FROM graph_subscriptions
        WHERE account_id = @AccountId
          AND status <> 'removed'
        """;
}
