namespace OutlookCrm.CrmApi.Email.LoggingSettings;

public static class LoggingSettingsSql
{
    public const string GetCreateContacts = """
        SELECT create_contacts
        FROM logging_settings
        WHERE account_id = @AccountId
        """;

    public const string UpdateCreateContacts = """
        UPDATE logging_settings
        SET create_contacts = @CreateContacts,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
        """;

    public const string CreateCreateContacts = """
        INSERT INTO logging_settings (account_id, create_contacts, updated_at)
        VALUES (@AccountId, @CreateContacts, @UpdatedAt)
        """;
}
