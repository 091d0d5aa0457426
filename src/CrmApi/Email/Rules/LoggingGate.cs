using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The rule order for a message not yet logged: the rep's <c>log:false</c>; the pane's intent; else bulk mail stays out,
/// and a message outside a logged thread or on an internal-only branch of one stays out; last, the never-log lists
/// (the account's, and the rep's whose mailbox this is) keep any of it out.
/// </summary>
public sealed class LoggingGate(ThreadMatching threads, InternalAddresses internalAddresses, NeverLogStore neverLog)
{
    public async Task<(LoggingDecision? Decision, string? Refusal)> DecideAsync(
        ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LogIntent? intent, string? trackingId, string method, string? stampParent, CancellationToken ct)
    {
        if (intent is { DoLog: false })
        {
            return (null, "the rep chose not to log it (log:false)");
        }
        LoggingDecision decision;
        if (intent is not null)
        {
            decision = new LoggingDecision(intent.Records, $"intent {trackingId} ({method})", trackingId, intent);
        }
        else
        {
            if (NoiseFilter.Reason(message) is { } noise)
            {
                return (null, noise);
            }
            if (await threads.FindAsync(mailbox, message, stampParent, ct) is not { } thread)
            {
                return (null, "not in a logged thread and no log intent");
            }
            var participants = Participants(message);
            if ((await internalAddresses.AmongAsync(mailbox.AccountId, participants, ct)).Count == participants.Count)
            {
                return (null, "internal-only branch of a logged thread");
            }
            decision = new LoggingDecision(thread.Records, thread.Because, null, null);
        }
        var owner = await neverLog.GetOwnerUserIdAsync(mailbox.AccountId, mailbox.OwnerObjectId, mailbox.AddressNormalized, ct);
        var entries = await neverLog.GetNeverLogAsync(mailbox.AccountId, owner, ct);
        if (Participants(message).SelectMany(address => entries.Where(entry => entry.Matches(address))).FirstOrDefault() is { } blocked)
        {
            return (null, $"never-log list ({blocked.Kind} {blocked.Value})");
        }
        return (decision, null);
    }

    private static List<string> Participants(FetchedMessage message) =>
        new[] { message.From }.Concat(message.To).Concat(message.Cc)
            .Select(mailbox => mailbox.Address).Where(address => address.Length > 0).Select(EmailAddresses.Normalize).Distinct().ToList();
}
