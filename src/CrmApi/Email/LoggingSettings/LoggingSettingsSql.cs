namespace OutlookCrm.CrmApi.Email.LoggingSettings;

public static class LoggingSettingsSql
{
    public const string Get = """
        SELECT create_contacts, outgoing, incoming, associations, users_may_override
        FROM logging_settings
        WHERE account_id = @AccountId
        """;

    public const string Update = """
        UPDATE logging_settings
        SET create_contacts = @CreateContacts,
            outgoing = @Outgoing,
            incoming = @Incoming,
            associations = @Associations,
            users_may_override = @UsersMayOverride,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
        """;

    public const string Create = """
        INSERT INTO logging_settings (account_id, create_contacts, outgoing, incoming, associations, users_may_override, updated_at)
        VALUES (@AccountId, @CreateContacts, @Outgoing, @Incoming, @Associations, @UsersMayOverride, @UpdatedAt)
        """;

    public const string GetUser = """
        SELECT outgoing, incoming
        FROM user_logging_policies
        WHERE account_id = @AccountId
          AND user_id = @UserId
        """;

    public const string UpdateUser = """
        UPDATE user_logging_policies
        SET outgoing = @Outgoing,
            incoming = @Incoming,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
          AND user_id = @UserId
        """;

    public const string CreateUser = """
        INSERT INTO user_logging_policies (account_id, user_id, outgoing, incoming, updated_at)
        VALUES (@AccountId, @UserId, @Outgoing, @Incoming, @UpdatedAt)
        """;
}
