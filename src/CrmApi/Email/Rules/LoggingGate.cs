using OutlookCrm.CrmApi.Email.LoggingSettings;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The rule order for a message not yet logged: the rep's <c>log:false</c>; the pane's intent; else bulk mail stays out;
/// a message in a logged thread is logged unless it is an internal-only branch of it (or received while the incoming
/// policy is none); outside a thread, the logging policy of the mailbox's owner (<see cref="LoggingPolicy"/>) decides,
/// with the records the launch event's default intent carries (the record a message was started from) added; last, the
/// never-log lists (the account's, and the rep's whose mailbox this is) keep any of it out.
/// </summary>
public sealed class LoggingGate(ThreadMatching threads, InternalAddresses internalAddresses, NeverLogStore neverLog, LoggingSettingsStore settings, PolicyRecords policyRecords)
{
    public async Task<(LoggingDecision? Decision, string? Refusal)> DecideAsync(
        ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LogIntent? intent, string? trackingId, string method, string? stampParent,
        Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> mimeHeaders, CancellationToken ct)
    {
        if (intent is { DoLog: false })
        {
            return (null, "the rep chose not to log it (log:false)");
        }
        var owner = await neverLog.GetOwnerUserIdAsync(mailbox.AccountId, mailbox.OwnerObjectId, mailbox.AddressNormalized, ct);
        var (decision, refusal) = intent is { Origin: LogIntentOrigins.Pane }
            ? (new LoggingDecision(intent.Records, $"intent {trackingId} ({method})", trackingId, intent), null)
            : await WithoutThePaneAsync(mailbox, outgoing, message, intent, trackingId, stampParent, owner ?? intent?.UserId, mimeHeaders, ct);
        if (decision is null)
        {
            return (null, refusal);
        }
        var entries = await neverLog.GetNeverLogAsync(mailbox.AccountId, owner, ct);
        if (Participants(message).SelectMany(address => entries.Where(entry => entry.Matches(address))).FirstOrDefault() is { } blocked)
        {
            return (null, $"never-log list ({blocked.Kind} {blocked.Value})");
        }
        return (decision, null);
    }

    /// <summary>
    /// No choice from the pane: a logged thread, else the policy. The launch event's default intent (when there is one)
    /// names the records the message was started from: they are the rep's choice, logged whatever the policy.
    /// </summary>
    private async Task<(LoggingDecision? Decision, string? Refusal)> WithoutThePaneAsync(
        ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LogIntent? defaultIntent, string? trackingId, string? stampParent, Guid? userId,
        Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> mimeHeaders, CancellationToken ct)
    {
        if (NoiseFilter.Reason(message) is { } noise)
        {
            return (null, noise);
        }
        var policy = await settings.GetPolicyAsync(mailbox.AccountId, userId, ct);
        if (!outgoing && policy.Incoming == IncomingPolicies.None)
        {
            return (null, $"{policy.Name(outgoing)}: received mail is not logged");
        }
        var started = defaultIntent?.Records ?? [];
        if (await threads.FindAsync(mailbox, message, stampParent, ct) is { } thread)
        {
            var participants = Participants(message);
            if ((await internalAddresses.AmongAsync(mailbox.AccountId, participants, ct)).Count == participants.Count)
            {
                return (null, "internal-only branch of a logged thread");
            }
            return (new LoggingDecision([.. thread.Records, .. started.Except(thread.Records)], thread.Because, defaultIntent is null ? null : trackingId, defaultIntent), null);
        }
        var byPolicy = outgoing ? policy.Outgoing is OutgoingPolicies.KnownContacts or OutgoingPolicies.AnyExternal : policy.Incoming == IncomingPolicies.KnownContacts;
        var external = byPolicy || started.Count > 0 ? await policyRecords.ExternalAddressesAsync(mailbox, outgoing, message, ct) : [];
        var records = byPolicy && external.Count > 0 ? await policyRecords.RecordsAsync(mailbox.AccountId, external, policy.Associations, ct) : [];
        if (started.Count > 0)
        {
            // Started from a record (the launch event's default intent): logged there, with what the policy adds.
            return (new LoggingDecision([.. started, .. records.Except(started)], $"started from a record: default intent {trackingId}", trackingId, defaultIntent), null);
        }
        // Graph gives a Sent Items copy without its internet headers: a sent mass mailing (List-Unsubscribe, Precedence:
        // bulk) shows as such only in the raw message, read only when a policy would otherwise log it.
        if (byPolicy && outgoing && await mimeHeaders(ct) is { } headers && NoiseFilter.Reason(headers, message.From.Address, message.Subject) is { } sentNoise)
        {
            return (null, sentNoise);
        }
        if (!byPolicy)
        {
            return (null, "not in a logged thread and no log intent");
        }
        if (external.Count == 0)
        {
            return (null, $"{policy.Name(outgoing)}: no external {(outgoing ? "recipient" : "sender")}");
        }
        if (records.Count == 0 && !(outgoing && policy.Outgoing == OutgoingPolicies.AnyExternal))
        {
            return (null, $"{policy.Name(outgoing)}: no known contact among them");
        }
        return (new LoggingDecision(records, policy.Name(outgoing), defaultIntent is null ? null : trackingId, defaultIntent), null);
    }

    private static List<string> Participants(FetchedMessage message) =>
        new[] { message.From }.Concat(message.To).Concat(message.Cc)
            .Select(mailbox => mailbox.Address).Where(address => address.Length > 0).Select(EmailAddresses.Normalize).Distinct().ToList();
}
