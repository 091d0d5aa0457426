using System.Globalization;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// Why a message became a dead letter, in words an admin can act on. The worker keeps only the error's type and Graph's
/// status (<c>ODataError 404</c>), never its message (which can carry addresses or subjects), so that is what is read.
/// </summary>
public static class DeadLetterReasons
{
    public static string Describe(string? lastError)
    {
        if (string.IsNullOrWhiteSpace(lastError))
        {
            return "It failed too often, for no recorded reason: retry it; if it fails again, the worker's log has the details.";
        }
        var parts = lastError.Split(' ', 2);
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return status switch
            {
                401 => "Graph refused the app's token: check the app registration's credentials and the admin consent, then retry.",
                403 => "Microsoft 365 does not let the app read this mailbox: give the app Mail.Read over it (application access policy or RBAC for Applications), then retry.",
                404 => "The message was gone when it was fetched (moved or deleted in Outlook): a retry finds it only if it came back.",
                429 => "Graph kept throttling this mailbox: retry when the mailbox is less busy.",
                >= 500 => $"Graph failed ({status}) every time it was asked: retry; if it persists, check the Microsoft 365 service health.",
                _ => $"Graph refused to give the message ({status}): retry; if it fails again, the worker's log has the details.",
            };
        }
        return parts[0] switch
        {
            "HttpRequestException" or "SocketException" => "Graph could not be reached (network or DNS): check the outbound connection, then retry.",
            "TimeoutException" or "TaskCanceledException" => "Graph did not answer in time: retry.",
            "SqliteException" or "SqlException" or "DbException" => "The database refused to store it: check the database's health and space, then retry.",
            _ => $"Logging it failed ({parts[0]}): retry; if it fails again, the worker's log has the details.",
        };
    }
}
