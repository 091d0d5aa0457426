namespace OutlookCrm.CrmApi.Crm.AddressChoices;

public static class AddressChoiceSql
{
    public const string GetMany = """
        SELECT address_normalized, contact_id
        FROM address_choices
        WHERE account_id = @AccountId
          AND user_id = @UserId
          AND address_normalized IN @Addresses
        """;

    public const string Update = """
        UPDATE address_choices
        SET contact_id = @ContactId,
            updated_at = @UpdatedAt
        WHERE account_id = @AccountId
          AND user_id = @UserId
          AND address_normalized = @AddressNormalized
        """;

    public const string Create = """
        INSERT INTO address_choices (account_id, user_id, address_normalized, contact_id, updated_at)
        VALUES (@AccountId, @UserId, @AddressNormalized, @ContactId, @UpdatedAt)
        """;

    private const string OfContact = """
        FROM address_choices
        WHERE account_id = @AccountId
          AND contact_id = @RecordId
        """;

    public const string DeleteOfContact = $"""
        DELETE {OfContact}
        """;

    public const string CountOfContact = $"""
        SELECT COUNT(*)
        {OfContact}
        """;
}
