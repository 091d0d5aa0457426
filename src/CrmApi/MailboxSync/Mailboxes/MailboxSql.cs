namespace OutlookCrm.CrmApi.MailboxSync.Mailboxes;

public static class MailboxSql
{
    private const string MailboxColumns = """
        m.id, m.account_id, a.tenant_id, m.address, m.address_normalized, m.kind, m.display_name,
        m.connected_at, m.last_notification_at, m.last_error, m.connected_by_user_id, m.owner_object_id, m.graph_user_id, m.connect_state
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

    // The mailboxes of a page of people: their own (Graph's owner id) and those they connected.
    public const string GetManyOfPeople = $"""
        SELECT {MailboxColumns}
        FROM mailboxes m
        INNER JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = @AccountId
          AND (m.connected_by_user_id IN @UserIds OR m.owner_object_id IN @ObjectIds)
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
        INSERT INTO mailboxes (id, account_id, address, address_normalized, kind, display_name, connected_at, last_notification_at, last_error, connected_by_user_id, owner_object_id,
                               graph_user_id, connect_state)
        VALUES (@Id, @AccountId, @Address, @AddressNormalized, @Kind, @DisplayName, @ConnectedAt, NULL, NULL, @ConnectedByUserId, @OwnerObjectId, @GraphUserId, @ConnectState)
        """;

    public const string SetConnectState = """
        UPDATE mailboxes
        SET connect_state = @ConnectState
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    public const string Delete = """
        DELETE FROM mailboxes
        WHERE account_id = @AccountId
          AND id = @Id
        """;

    // Disconnecting removes the mailbox's queue, jobs and delta state with it.

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

    // Several instances may run the keeper: whoever sets the lease renews, the others skip the row.

    public const string GetMailboxAddresses = """
        SELECT address_normalized
        FROM mailboxes
        WHERE account_id = @AccountId
          AND address_normalized IN @Addresses
        """;

    // Team and help-desk addresses among a few: never a person, whatever domain they are on (the teammate rule).
    public const string GetSharedMailboxAddresses = """
        SELECT address_normalized
        FROM mailboxes
        WHERE account_id = @AccountId
          AND kind <> 'personal'
          AND address_normalized IN @Addresses
        """;
}
