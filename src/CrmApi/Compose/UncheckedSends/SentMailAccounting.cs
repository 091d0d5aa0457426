using OutlookCrm.CrmApi.Compose.Context;
using OutlookCrm.CrmApi.Compose.Recipients;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Compose.UncheckedSends;

/// <summary>
/// Every send accounted for (issue 20). The legal-basis check fails open by design (Outlook sends when the CRM does not
/// answer in time) and runs only where the add-in runs, so each Sent Items copy is held against the send check's trace
/// of its tracking id: none (no stamp, or a stamp the check never saw) means the email went unchecked, and each contact
/// among its recipients that needed a basis and had none to use gets <c>sentWithoutCheck</c> in its audit, with the
/// pane's review reason when its send handler left one, and the sending mailbox's hourly count one more. The decision is
/// <see cref="RecipientCheck"/>'s, the send check's own, read without its side effects (no basis is consumed).
/// </summary>
public sealed class SentMailAccounting(RecipientCheck check, RecordStore records, Db db, TimeProvider clock) : ISentMailAccounting
{
    /// <summary>The review reason is the add-in's short code and note; anything longer was not written by it.</summary>
    public const int MaxReviewReasonLength = 500;

    public async Task AccountAsync(MailboxCopy copy, CancellationToken ct)
    {
        var (mailbox, outgoing, message, stamp, intent) = copy;
        // A calendar item is not one-to-one email: the send check (OnMessageSend) never runs for one.
        if (!outgoing || message.MeetingMessage is not null)
        {
            return;
        }
        var recipients = RecipientsOf(message);
        // A stamp longer than the check accepts was never checked, and the audit could not hold it.
        var trackingId = stamp is { Length: > 0 and <= ComposeRequestReader.MaxTrackingIdLength } ? stamp : null;
        if (recipients.Count == 0 || (trackingId is not null && await WasCheckedAsync(mailbox.AccountId, trackingId, ct)))
        {
            return;
        }
        var email = new OutgoingEmail(mailbox.AccountId, intent?.UserId ?? Guid.Empty, recipients, intent?.Records ?? [], null, trackingId, intent?.ClosedTicketsConfirmed ?? []);
        var needed = (await check.EvaluateAsync(email, ct)).Recipients
            .SelectMany(recipient => recipient.Contacts)
            .Where(contact => contact.Status is RecipientStatuses.NeedsBasis or RecipientStatuses.OptedOut)
            .DistinctBy(contact => contact.Id)
            .ToList();
        if (needed.Count == 0)
        {
            return;
        }
        // A contact made after the send (from this very email, by "create contacts") was no contact when it went.
        var existed = (await records.GetManyByIdsAsync(mailbox.AccountId, needed.Select(contact => contact.Id).ToList(), ct))
            .Where(record => record.CreatedAt <= message.SentAt).Select(record => record.Id).ToHashSet();
        var review = TrackingStamp.ReviewReason(message) is { Length: > 0 } reason ? reason[..Math.Min(reason.Length, MaxReviewReasonLength)] : null;
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async transaction =>
        {
            var countedBefore = await UncheckedSendStore.AnyOfEmailAsync(transaction, mailbox.AccountId, message.InternetMessageId, ct);
            var added = 0;
            foreach (var contact in needed.Where(contact => existed.Contains(contact.Id)))
            {
                if (!await UncheckedSendStore.TryAddAsync(transaction, new UncheckedSend(mailbox.AccountId, message.InternetMessageId, contact.Id, trackingId, now), ct))
                {
                    continue;
                }
                added++;
                await AuditStore.AppendAsync(transaction, new AuditEntry
                {
                    Id = clock.NewId(),
                    AccountId = mailbox.AccountId,
                    ContactId = contact.Id,
                    Event = AuditEvents.SentWithoutCheck,
                    Reason = contact.Reason,
                    Explanation = review,
                    TrackingId = trackingId,
                    // The rep who composed it when the pane registered an intent; otherwise the system found it.
                    ActorUserId = intent?.UserId,
                    OccurredAt = now,
                }, ct);
            }
            if (added > 0 && !countedBefore)
            {
                await FlowCounterStore.AddAsync(transaction, db.Provider, [FlowHour.SentWithoutACheck(mailbox.AccountId, mailbox.Id, message.SentAt)], ct);
            }
        }, ct);
    }

    private async Task<bool> WasCheckedAsync(Guid accountId, string trackingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await AuditStore.WasSendCheckedAsync(connection, accountId, trackingId, ct);
    }

    /// <summary>To, Cc and Bcc (a Sent Items copy keeps its Bcc), as the send check reads the pane's recipients.</summary>
    private static List<Recipient> RecipientsOf(FetchedMessage message)
    {
        var recipients = new List<Recipient>();
        foreach (var (field, addresses) in new[] { ("to", message.To), ("cc", message.Cc), ("bcc", message.Bcc) })
        {
            foreach (var address in addresses)
            {
                if (EmailAddresses.TryNormalize(address.Address, out var normalized))
                {
                    recipients.Add(new Recipient(field, address.Address.Trim(), normalized));
                }
            }
        }
        return recipients;
    }
}
