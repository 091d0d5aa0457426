namespace OutlookCrm.CrmApi.Crm.Associations;

public static class AssociationSql
{
    public const string GetOfRecord = """
        SELECT a.id, a.label, r.id AS record_id, t.name AS record_type, r.name AS record_name
        FROM associations a
        INNER JOIN records r ON r.id = a.to_record_id
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE a.account_id = @AccountId
          AND a.from_record_id = @RecordId
        ORDER BY t.name, r.name, r.id
        """;

    /// <summary>The contacts associated with any of the records (a ticket's contacts, for the ticket rule of the send check).</summary>
    public const string GetContactsOfRecords = """
        SELECT a.from_record_id AS record_id, a.to_record_id AS contact_id
        FROM associations a
        INNER JOIN records r ON r.id = a.to_record_id
        INNER JOIN object_types t ON t.id = r.object_type_id
        WHERE a.account_id = @AccountId
          AND r.account_id = @AccountId
          AND a.from_record_id IN @RecordIds
          AND t.name = @ContactType
        """;

    public const string GetIdOfPair = """
        SELECT id
        FROM associations
        WHERE account_id = @AccountId
          AND from_record_id = @FromRecordId
          AND to_record_id = @ToRecordId
          AND label = @Label
        """;

    public const string Create = """
        INSERT INTO associations (id, account_id, from_record_id, to_record_id, label, created_at)
        VALUES (@Id, @AccountId, @FromRecordId, @ToRecordId, @Label, @CreatedAt)
        """;

    public const string Delete = """
        DELETE FROM associations
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    // Both ends of each association are a row; a record's associations are those whose from end is the record.
    private const string OfRecord = """
        FROM associations
        WHERE account_id = @AccountId
          AND from_record_id = @RecordId
        """;

    public const string DeleteAllOfRecord = $"""
        DELETE FROM associations
        WHERE account_id = @AccountId
          AND id IN (SELECT id
                     {OfRecord})
        """;

    public const string CountOfRecord = $"""
        SELECT COUNT(*)
        {OfRecord}
        """;
}
