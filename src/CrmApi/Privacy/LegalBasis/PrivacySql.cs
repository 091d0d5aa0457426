namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

public static class PrivacySql
{
    public const string GetSettings = """
        SELECT account_id, privacy_enabled, unknown_recipients, body_retention_days, updated_at, updated_by_user_id
        FROM privacy_settings
        WHERE account_id = @AccountId
        """;

    public const string UpdateSettings = """
        UPDATE privacy_settings
        SET privacy_enabled = @PrivacyEnabled,
            unknown_recipients = @UnknownRecipients,
            body_retention_days = @BodyRetentionDays,
            updated_at = @UpdatedAt,
            updated_by_user_id = @UpdatedByUserId
        WHERE account_id = @AccountId
        """;

    public const string CreateSettings = """
        INSERT INTO privacy_settings (account_id, privacy_enabled, unknown_recipients, body_retention_days, updated_at, updated_by_user_id)
        VALUES (@AccountId, @PrivacyEnabled, @UnknownRecipients, @BodyRetentionDays, @UpdatedAt, @UpdatedByUserId)
        """;

    public const string GetInternalDomains = """
        SELECT domain
        FROM internal_domains
        WHERE account_id = @AccountId
        ORDER BY domain
        """;

    public const string DeleteInternalDomains = """
        DELETE FROM internal_domains
        WHERE account_id = @AccountId
        """;

    public const string CreateInternalDomain = """
        INSERT INTO internal_domains (account_id, domain)
        VALUES (@AccountId, @Domain)
        """;

    public const string GetUserAddresses = """
        SELECT email_normalized
        FROM users
        WHERE account_id = @AccountId
          AND email_normalized IN @Addresses
        """;

    public const string GetSubscriptionTypes = """
        SELECT id, account_id, name, label, created_at
        FROM subscription_types
        WHERE account_id = @AccountId
        ORDER BY name
        """;

    public const string CreateSubscriptionType = """
        INSERT INTO subscription_types (id, account_id, name, label, created_at)
        VALUES (@Id, @AccountId, @Name, @Label, @CreatedAt)
        """;

    public const string GetSubscriptions = """
        SELECT account_id, contact_id, subscription_type, status, legal_basis, explanation, updated_at, updated_by_user_id
        FROM contact_subscriptions
        WHERE account_id = @AccountId
          AND contact_id IN @ContactIds
        ORDER BY subscription_type
        """;

    public const string UpdateSubscription = """
        UPDATE contact_subscriptions
        SET status = @Status,
            legal_basis = @LegalBasis,
            explanation = @Explanation,
            updated_at = @UpdatedAt,
            updated_by_user_id = @UpdatedByUserId
        WHERE account_id = @AccountId
          AND contact_id = @ContactId
          AND subscription_type = @SubscriptionType
        """;

    public const string CreateSubscription = """
        INSERT INTO contact_subscriptions (account_id, contact_id, subscription_type, status, legal_basis, explanation, updated_at, updated_by_user_id)
        VALUES (@AccountId, @ContactId, @SubscriptionType, @Status, @LegalBasis, @Explanation, @UpdatedAt, @UpdatedByUserId)
        """;

    public const string GetOptOuts = """
        SELECT account_id, contact_id, opted_out_at, by_user_id
        FROM contact_opt_outs
        WHERE account_id = @AccountId
          AND contact_id IN @ContactIds
        """;

    public const string CreateOptOut = """
        INSERT INTO contact_opt_outs (account_id, contact_id, opted_out_at, by_user_id)
        VALUES (@AccountId, @ContactId, @OptedOutAt, @ByUserId)
        """;

    public const string DeleteOptOut = """
        DELETE FROM contact_opt_outs
        WHERE account_id = @AccountId
          AND contact_id = @ContactId
        """;

    // Unused bases, and those this very email already consumed (a send check repeated for the same email).
    public const string GetOpenOneTimeBases = """
        SELECT id, account_id, contact_id, legal_basis, explanation, transactional, tracking_id,
               granted_by_user_id, granted_at, consumed_at, consumed_by_tracking_id
        FROM one_time_bases
        WHERE account_id = @AccountId
          AND contact_id IN @ContactIds
          AND (consumed_at IS NULL OR consumed_by_tracking_id = @TrackingId)
        ORDER BY granted_at, id
        """;

    public const string CreateOneTimeBasis = """
        INSERT INTO one_time_bases (id, account_id, contact_id, legal_basis, explanation, transactional, tracking_id,
                                    granted_by_user_id, granted_at, consumed_at, consumed_by_tracking_id)
        VALUES (@Id, @AccountId, @ContactId, @LegalBasis, @Explanation, @Transactional, @TrackingId,
                @GrantedByUserId, @GrantedAt, NULL, NULL)
        """;

    public const string GetBasesReservedFor = """
        SELECT id, account_id, contact_id, legal_basis, explanation, transactional, tracking_id,
               granted_by_user_id, granted_at, consumed_at, consumed_by_tracking_id
        FROM one_time_bases
        WHERE account_id = @AccountId
          AND tracking_id = @TrackingId
          AND consumed_at IS NULL
        """;

    // Consumes only an unused basis: two sends racing for one basis cannot both have it.
    public const string ConsumeOneTimeBasis = """
        UPDATE one_time_bases
        SET consumed_at = @ConsumedAt,
            consumed_by_tracking_id = @TrackingId
        WHERE account_id = @AccountId
          AND id = @Id
          AND (consumed_at IS NULL OR consumed_by_tracking_id = @TrackingId)
        """;

    public const string AppendAudit = """
        INSERT INTO communication_audit (id, account_id, contact_id, event, subscription_type, legal_basis, explanation,
                                         reason, tracking_id, actor_user_id, occurred_at)
        VALUES (@Id, @AccountId, @ContactId, @Event, @SubscriptionType, @LegalBasis, @Explanation,
                @Reason, @TrackingId, @ActorUserId, @OccurredAt)
        """;

    // A send check repeated for the same email (tracking id) records each decision once.
    public const string AppendAuditOncePerEmail = """
        INSERT INTO communication_audit (id, account_id, contact_id, event, subscription_type, legal_basis, explanation,
                                         reason, tracking_id, actor_user_id, occurred_at)
        SELECT @Id, @AccountId, @ContactId, @Event, @SubscriptionType, @LegalBasis, @Explanation,
               @Reason, @TrackingId, @ActorUserId, @OccurredAt
        WHERE NOT EXISTS (SELECT 1
                          FROM communication_audit
                          WHERE account_id = @AccountId
                            AND contact_id = @ContactId
                            AND tracking_id = @TrackingId
                            AND event = @Event
                            AND reason = @Reason)
        """;

    public const string GetAudit = """
        SELECT id, account_id, contact_id, event, subscription_type, legal_basis, explanation, reason, tracking_id,
               actor_user_id, occurred_at
        FROM communication_audit
        WHERE account_id = @AccountId
          AND contact_id = @ContactId
        ORDER BY occurred_at, id
        """;

    // Whether the send check decided anything for this email: it writes one of @Events per contact of every recipient.
    public const string WasSendChecked = """
        SELECT CASE WHEN EXISTS (SELECT 1
                                 FROM communication_audit
                                 WHERE account_id = @AccountId
                                   AND tracking_id = @TrackingId
                                   AND event IN @Events)
               THEN 1 ELSE 0 END
        """;
}
