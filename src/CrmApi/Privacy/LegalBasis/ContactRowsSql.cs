namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// A contact's legal-basis rows (subscriptions, opt-out, one-time bases), deleted with the contact and counted by an
/// erasure's preview through the same condition. Its audit trail is not among them: it is append-only and stays.
/// </summary>
public static class ContactRowsSql
{
    private const string Subscriptions = """
        FROM contact_subscriptions
        WHERE account_id = @AccountId
          AND contact_id = @RecordId
        """;

    private const string OptOut = """
        FROM contact_opt_outs
        WHERE account_id = @AccountId
          AND contact_id = @RecordId
        """;

    private const string OneTimeBases = """
        FROM one_time_bases
        WHERE account_id = @AccountId
          AND contact_id = @RecordId
        """;

    public static readonly IReadOnlyList<string> Delete = [$"DELETE {Subscriptions}", $"DELETE {OptOut}", $"DELETE {OneTimeBases}"];

    public static readonly IReadOnlyList<string> Count = [$"SELECT COUNT(*) {Subscriptions}", $"SELECT COUNT(*) {OptOut}", $"SELECT COUNT(*) {OneTimeBases}"];
}
