namespace OutlookCrm.CrmApi.MailboxSync.Members;

public static class MailboxMemberSql
{
    public const string GetMembers = """
        SELECT u.id AS user_id, u.email, u.display_name
        FROM mailbox_members m
        INNER JOIN users u ON u.id = m.user_id
        WHERE m.account_id = @AccountId
          AND m.mailbox_id = @MailboxId
        ORDER BY u.display_name, u.id
        """;

    public const string CountMembership = """
        SELECT COUNT(*)
        FROM mailbox_members
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
          AND user_id = @UserId
        """;

    // The mailboxes a user acts for besides their own: few (a team or two), so no paging.
    public const string GetMailboxIdsOfUser = """
        SELECT mailbox_id
        FROM mailbox_members
        WHERE account_id = @AccountId
          AND user_id = @UserId
        """;

    // The users table is the account's (Platform/Accounts); only whether each id is one of its users is read here.
    public const string UsersAmong = """
        SELECT id
        FROM users
        WHERE account_id = @AccountId
          AND id IN @UserIds
        """;

    public const string DeleteOfMailbox = """
        DELETE FROM mailbox_members
        WHERE account_id = @AccountId
          AND mailbox_id = @MailboxId
        """;

    public const string Add = """
        INSERT INTO mailbox_members (mailbox_id, user_id, account_id, added_at)
        VALUES (@MailboxId, @UserId, @AccountId, @AddedAt)
        """;
}
