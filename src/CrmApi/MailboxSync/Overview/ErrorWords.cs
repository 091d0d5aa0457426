using OutlookCrm.CrmApi.MailboxSync.Throttling;

namespace OutlookCrm.CrmApi.MailboxSync.Overview;

/// <summary>
/// What a stored error means, in words an admin can act on. The worker stores an exception's type and Graph status
/// only (never its message, which can carry addresses), or the reason a row was put back; a reason that is a wait of
/// the logging rules (e.g. for the sender's own copy) is no error at all.
/// </summary>
public static class ErrorWords
{
    /// <summary>The words for <paramref name="detail"/>, or null when it is not an error.</summary>
    public static string? Describe(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }
        if (detail.Contains("throttled by Graph", StringComparison.Ordinal) || detail == MailboxGates.WaitingForRetryAfter)
        {
            return "Microsoft Graph asked us to slow down (throttling, 429 or 503); the messages are retried automatically after its Retry-After.";
        }
        if (detail == MailboxGates.BudgetSpent)
        {
            return "This mailbox used its Graph request budget (10,000 requests per 10 minutes); the messages wait until it reopens.";
        }
        // The worker's failures are a type name and perhaps Graph's status: "ODataError 500", "HttpRequestException".
        if (!detail.Contains("Exception", StringComparison.Ordinal) && !detail.Contains("Error", StringComparison.Ordinal))
        {
            return null;
        }
        var status = int.TryParse(detail.Split(' ').LastOrDefault(), out var code) ? code : (int?)null;
        return status switch
        {
            401 or 403 => $"Microsoft Graph refused to let the app read this mailbox ({status}): the app's Mail.Read permission, admin consent or the Exchange application access policy does not cover it. Run the doctor.",
            404 => "Microsoft Graph did not find the mailbox (404): it may have been deleted or renamed. Run the doctor.",
            429 or 503 => $"Microsoft Graph was busy ({status}); the messages are retried automatically.",
            >= 500 => $"Microsoft Graph failed while reading a message ({status}); it is retried automatically, and a message that keeps failing becomes a dead letter.",
            not null => $"Microsoft Graph refused a request ({status}).",
            null when detail.Contains("HttpRequest", StringComparison.Ordinal) || detail.Contains("TaskCanceled", StringComparison.Ordinal) || detail.Contains("Timeout", StringComparison.Ordinal) =>
                "Microsoft Graph could not be reached (network error or timeout); retried automatically.",
            null when detail.Contains("Sql", StringComparison.Ordinal) || detail.Contains("Db", StringComparison.Ordinal) =>
                "The database refused a write; retried automatically. If it persists, check the database's health and space.",
            _ => $"An unexpected error ({detail}) while processing a message; it is retried automatically.",
        };
    }
}
