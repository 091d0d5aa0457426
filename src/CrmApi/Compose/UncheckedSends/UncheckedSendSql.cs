namespace OutlookCrm.CrmApi.Compose.UncheckedSends;

public static class UncheckedSendSql
{
    // The key (account, Message-ID, contact) makes it once per email and contact: a row already there inserts nothing,
    // and two copies racing on SQL Server leave one to fail on the key, roll back and be retried by the worker.
    public const string Add = """
        INSERT INTO unchecked_sends (account_id, internet_message_id, contact_id, tracking_id, found_at)
        SELECT @AccountId, @InternetMessageId, @ContactId, @TrackingId, @FoundAt
        WHERE NOT EXISTS (SELECT 1
                          FROM unchecked_sends
                          WHERE account_id = @AccountId
                            AND internet_message_id = @InternetMessageId
                            AND contact_id = @ContactId)
        """;

    // Whether this email was found unchecked before (for any contact): the mailbox's count is one per email.
    public const string AnyOfEmail = """
        SELECT CASE WHEN EXISTS (SELECT 1
                                 FROM unchecked_sends
                                 WHERE account_id = @AccountId
                                   AND internet_message_id = @InternetMessageId)
               THEN 1 ELSE 0 END
        """;
}
