using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// An admin's explicit, bounded "log the last N days too" for a connected mailbox: one import job per folder walks its
/// delta in the background (the stored delta link untouched) and hands mail received since then to the logging rules,
/// where a message already logged is a sighting, not a second copy. Its progress is in the mailbox's health.
/// </summary>
public sealed class ImportHistory(MailboxStore store, JobStore jobs, MailboxDescriber describer, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<SyncView>>> ImportAsync(CurrentUser user, Guid mailboxId, ImportRequest request, CancellationToken ct)
    {
        if (request.Days is not (> 0 and <= ConnectMailbox.MaxImportDays))
        {
            return Outcome<IReadOnlyList<SyncView>>.Invalid("days", $"From 1 to {ConnectMailbox.MaxImportDays} days.");
        }
        if (await store.GetByIdAsync(user.AccountId, mailboxId, ct) is not { ConnectState: ConnectStates.Connected } mailbox)
        {
            return Outcome<IReadOnlyList<SyncView>>.NotFound("id", "There is no connected mailbox with this id.");
        }
        var since = clock.GetUtcNow().AddDays(-request.Days.Value);
        foreach (var folder in WatchedFolders.All)
        {
            // One open import per folder: asking again while one runs adds nothing (its own start stands).
            await jobs.EnqueueAsync(mailbox.AccountId, mailbox.Id, folder, JobKinds.Import, ct, since);
        }
        return Outcome<IReadOnlyList<SyncView>>.Done(await describer.SyncAsync(mailbox, ct));
    }
}
