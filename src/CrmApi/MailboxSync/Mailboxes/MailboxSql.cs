namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

public static class MailboxSql
{
    private const string MailboxColumns = """
        m.id, m.account_id, a.tenant_id, m.address, m.address_normalized, m.kind, m.display_name,
        m.connected_at, m.last_notification_at, m.last_error
        """;

    public const string GetById = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = @AccountId
          AND m.id = @Id
        """;

    /// <summary>For background work, which acts for every account: the row's own account scopes what follows.</summary>
    public const string GetByIdForWorker = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        WHERE m.id = @Id
        """;

    public const string GetAll = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        """;

    public const string GetManyOfAccount = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = @AccountId
        ORDER BY m.address_normalized
        """;

    public const string GetByAddress = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = @AccountId
          AND m.address_normalized = @AddressNormalized
        """;

    public const string Create = """
        INSERT INTO mailboxes (id, account_id, address, address_normalized, kind, display_name, connected_at, last_notification_at, last_error)
        VALUES (@Id, @AccountId, @Address, @AddressNormalized, @Kind, @DisplayName, @ConnectedAt, NULL, NULL)
        """;

    public const string Delete = """
        DELETE FROM mailboxes
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    // Disconnecting removes the mailbox's queue, jobs and delta state with it.
    public const string DeleteInboxOfMailbox = """
        DELETE FROM notification_inbox
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    public const string DeleteJobsOfMailbox = """
        DELETE FROM mailbox_jobs
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    public const string DeleteDeltaLinksOfMailbox = """
        DELETE FROM delta_links
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    public const string DeleteSightingsOfMailbox = """
        DELETE FROM email_sightings
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    public const string DeleteOutcomesOfMailbox = """
        DELETE FROM message_outcomes
        WHERE account_id = @AccountId
          AND mailbox_id = @Id
        """;

    public const string SetLastError = """
        UPDATE mailboxes
        SET last_error = @LastError
        WHERE id = @Id
        """;

    public const string TouchLastNotification = """
        UPDATE mailboxes
        SET last_notification_at = @Now
        WHERE id IN @Ids
        """;

    private const string SubscriptionColumns = """
        id, account_id, mailbox_id, folder, graph_subscription_id, client_state_hash, status, expires_at, created_at, renewed_at, lease_until
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

    public const string CreateSubscription = """
        INSERT INTO graph_subscriptions (id, account_id, mailbox_id, folder, graph_subscription_id, client_state_hash, status, expires_at, created_at, renewed_at, lease_until)
        VALUES (@Id, @AccountId, @MailboxId, @Folder, @GraphSubscriptionId, @ClientStateHash, @Status, @ExpiresAt, @CreatedAt, NULL, NULL)
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

    // Several instances may run the keeper: whoever sets the lease renews, the others skip the row.
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

    public const string GetMailboxAddresses = """
        SELECT address_normalized
        FROM mailboxes
        WHERE account_id = @AccountId
          AND address_normalized IN @Addresses
        """;
}
