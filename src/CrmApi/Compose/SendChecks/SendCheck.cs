using OutlookCrm.CrmApi.Compose.Recipients;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Compose.SendChecks;

public sealed record Blocker(string Address, Guid? ContactId, string? ContactName, string Reason, IReadOnlyList<string> Fixes);

public sealed record SendCheckResponse(bool Allowed, IReadOnlyList<Blocker> Blockers, IReadOnlyList<Blocker> Warnings);

/// <summary>
/// The send-time decision (Outlook's on-send handler asks it). Unlike the compose view it is the send itself: one-time
/// bases are consumed by it, and every decision is appended to the contacts' audit trails, so the CRM can later prove
/// why each email was allowed or blocked. A repeated check for the same tracking id consumes and records nothing new.
/// </summary>
public sealed class SendCheck(RecipientCheck check, Db db, TimeProvider clock)
{
    public async Task<SendCheckResponse> HandleAsync(OutgoingEmail email, CancellationToken ct)
    {
        var result = await check.EvaluateAsync(email, ct);
        while (!await TryRecordAsync(email, result, ct))
        {
            // A concurrent send took a one-time basis this check relied on: decide again without it.
            result = await check.EvaluateAsync(email, ct);
        }
        var blockers = new List<Blocker>();
        var warnings = new List<Blocker>();
        foreach (var recipient in result.Recipients)
        {
            if (recipient.Status == RecipientStatuses.NoRecord)
            {
                var noRecord = new Blocker(recipient.Address, null, null, recipient.Reason, recipient.Fixes);
                (recipient.Allowed(result.UnknownRecipients) ? warnings : blockers).Add(noRecord);
                continue;
            }
            blockers.AddRange(recipient.Contacts
                .Where(contact => contact.Status is not (RecipientStatuses.Ok or RecipientStatuses.Exempt))
                .Select(contact => new Blocker(recipient.Address, contact.Id, contact.Name, contact.Reason, contact.Fixes)));
        }
        return new SendCheckResponse(blockers.Count == 0, blockers, warnings);
    }

    /// <summary>Uses the bases and appends the audit, in one transaction; false, with nothing written, when another send took a basis.</summary>
    private Task<bool> TryRecordAsync(OutgoingEmail email, CheckResult result, CancellationToken ct) =>
        db.InTransactionAsync(async transaction =>
        {
            var now = clock.GetUtcNow();
            foreach (var contact in result.Recipients.SelectMany(recipient => recipient.Contacts).DistinctBy(contact => contact.Id))
            {
                if (contact.UsedBasis is { } basis)
                {
                    // The basis's own audit entry ("basisUsed") is written with it: the one way a basis is used.
                    if (!await AuditStore.TryUseBasisAsync(transaction, basis, email.TrackingId, email.UserId, now, ct))
                    {
                        return false;
                    }
                    continue;
                }
                var entry = new AuditEntry
                {
                    Id = clock.NewId(),
                    AccountId = email.AccountId,
                    ContactId = contact.Id,
                    Event = AuditEventFor(contact),
                    Reason = contact.Reason,
                    // An exemption names the ticket it came from: the one that makes this email transactional for this contact.
                    Explanation = contact.Ticket?.Explanation,
                    TrackingId = email.TrackingId,
                    ActorUserId = email.UserId,
                    OccurredAt = now,
                };
                await (email.TrackingId is null ? AuditStore.AppendAsync(transaction, entry, ct) : AuditStore.AppendOncePerEmailAsync(transaction, entry, ct));
            }
            return true;
        }, ct);

    private static string AuditEventFor(ContactResult contact) => contact switch
    {
        { Status: RecipientStatuses.Exempt } => AuditEvents.Exempted,
        { Status: RecipientStatuses.Ok } => AuditEvents.SendAllowed,
        _ => AuditEvents.SendBlocked,
    };
}
