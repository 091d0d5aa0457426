using Dapper;
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

    /// <summary>Consumes the bases used and appends the audit, in one transaction; false when another send took a basis.</summary>
    private async Task<bool> TryRecordAsync(OutgoingEmail email, CheckResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var contact in result.Recipients.SelectMany(recipient => recipient.Contacts).DistinctBy(contact => contact.Id))
        {
            if (contact.OneTimeBasisId is { } basisId)
            {
                var consumed = await connection.ExecuteAsync(new CommandDefinition(PrivacySql.ConsumeOneTimeBasis,
                    new { email.AccountId, Id = basisId, ConsumedAt = now, email.TrackingId }, transaction, cancellationToken: ct));
                if (consumed == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }
            }
            var entry = new AuditEntry
            {
                Id = clock.NewId(),
                AccountId = email.AccountId,
                ContactId = contact.Id,
                Event = AuditEventFor(contact),
                Reason = contact.Reason,
                LegalBasis = contact.UsedBasis?.LegalBasis,
                Explanation = contact.UsedBasis?.Explanation,
                TrackingId = email.TrackingId,
                ActorUserId = email.UserId,
                OccurredAt = now,
            };
            var sql = email.TrackingId is null ? PrivacySql.AppendAudit : PrivacySql.AppendAuditOncePerEmail;
            await connection.ExecuteAsync(new CommandDefinition(sql, entry, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private static string AuditEventFor(ContactResult contact) => contact switch
    {
        { Status: RecipientStatuses.Exempt } => AuditEvents.Exempted,
        { OneTimeBasisId: not null } => AuditEvents.BasisUsed,
        { Status: RecipientStatuses.Ok } => AuditEvents.SendAllowed,
        _ => AuditEvents.SendBlocked,
    };
}
