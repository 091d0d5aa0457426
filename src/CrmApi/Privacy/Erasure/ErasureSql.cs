namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>The suppression list: hashes of erased addresses, per account.</summary>
public static class ErasureSql
{
    public const string GetErasedHashes = """
        SELECT address_hash
        FROM erased_addresses
        WHERE account_id = @AccountId
          AND address_hash IN @Hashes
        """;

    public const string CreateErasedAddress = """
        INSERT INTO erased_addresses (account_id, address_hash, erased_at)
        SELECT @AccountId, @AddressHash, @ErasedAt
        WHERE NOT EXISTS (SELECT 1
                          FROM erased_addresses
                          WHERE account_id = @AccountId
                            AND address_hash = @AddressHash)
        """;
}
