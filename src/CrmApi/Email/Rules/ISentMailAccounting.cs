using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// A copy of a message as ingestion saw it (<paramref name="Outgoing"/>: in Sent Items), with the pane's tracking id
/// (<see cref="TrackingStamp"/>; null when the pane never stamped it or the stamp was another email's) and its intent.
/// </summary>
public sealed record MailboxCopy(ConnectedMailbox Mailbox, bool Outgoing, FetchedMessage Message, string? TrackingId, LogIntent? Intent);

/// <summary>
/// Every send accounted for: each copy is handed over (only outgoing ones concern it) before any rule decides whether it
/// is logged, so an email that went without the legal-basis send check leaves a trace either way. The legal-basis rules
/// live above Email (Compose), hence the seam. The answer must be idempotent: the worker hands the same message over
/// again on a retry, a duplicate notification, a reprocess or from a second mailbox; a throw makes it retry the message.
/// </summary>
public interface ISentMailAccounting
{
    Task AccountAsync(MailboxCopy copy, CancellationToken ct);
}
