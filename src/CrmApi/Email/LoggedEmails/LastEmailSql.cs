namespace OutlookCrm.CrmApi.Email.LoggedEmails;

public static class LastEmailSql
{
    // The newest row per record comes from the top of ix_email_associations_timeline, whatever the timeline's length.
    public const string OfRecords = """
        SELECT ea.record_id, e.id AS email_id, e.kind, e.subject, ea.sent_at
        FROM email_associations ea
        INNER JOIN emails e ON e.id = ea.email_id
        WHERE ea.account_id = @AccountId
          AND ea.record_id IN @Ids
          AND ea.sent_at = (SELECT MAX(x.sent_at)
                            FROM email_associations x
                            WHERE x.account_id = ea.account_id
                              AND x.record_id = ea.record_id)
        """;
}
