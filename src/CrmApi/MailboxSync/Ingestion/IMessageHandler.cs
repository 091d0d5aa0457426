using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

/// <summary>The further Graph reads a handler may need, made through the mailbox's gate by the worker.</summary>
public sealed record MessageReads(
    Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> MimeHeaders,
    Func<CancellationToken, Task<IReadOnlyList<AttachmentInfo>>> Attachments);

/// <summary>What the worker does with the inbox row: finished with a reason, or asked again later.</summary>
public sealed record HandlerOutcome(string Reason, TimeSpan? AskAgainIn = null);

/// <summary>
/// What the worker hands each fetched message to: the Email area's logging rules. Mailbox sync knows only this, so the
/// notification's path runs one way — webhook, inbox, worker, Graph, then the rules — and never back.
/// </summary>
public interface IMessageHandler
{
    Task<HandlerOutcome> HandleAsync(ConnectedMailbox mailbox, string folder, FetchedMessage message, int attempt, MessageReads reads, CancellationToken ct);
}
