using System.Data.Common;
using Dapper;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// The contact's audit trail and the one way a send uses a one-time basis, always inside the caller's transaction, so a
/// decision and its record commit together or not at all.
/// </summary>
public static class AuditStore
{
    public static Task AppendAsync(DbTransaction transaction, AuditEntry entry, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(PrivacySql.AppendAudit, entry, transaction, cancellationToken: ct));

    /// <summary>The same, recorded once per email (tracking id): a check repeated for the same email adds nothing.</summary>
    public static Task AppendOncePerEmailAsync(DbTransaction transaction, AuditEntry entry, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(PrivacySql.AppendAuditOncePerEmail, entry, transaction, cancellationToken: ct));

    /// <summary>
    /// Consumes the basis for this email and records its use; false, with nothing written, when another send consumed it
    /// first (the statement only takes an unused basis, or one this very email already took).
    /// </summary>
    public static async Task<bool> TryUseBasisAsync(DbTransaction transaction, OneTimeBasis basis, string? trackingId, Guid? actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var consumed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(PrivacySql.ConsumeOneTimeBasis,
            new { basis.AccountId, basis.Id, ConsumedAt = now, TrackingId = trackingId }, transaction, cancellationToken: ct));
        if (consumed == 0)
        {
            return false;
        }
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            AccountId = basis.AccountId,
            ContactId = basis.ContactId,
            Event = AuditEvents.BasisUsed,
            LegalBasis = basis.LegalBasis,
            Explanation = basis.Explanation,
            Reason = DecisionReasons.OneTimeBasis,
            TrackingId = trackingId,
            ActorUserId = actorUserId,
            OccurredAt = now,
        };
        await (trackingId is null ? AppendAsync(transaction, entry, ct) : AppendOncePerEmailAsync(transaction, entry, ct));
        return true;
    }

    /// <summary>Whether the send check decided on the email with this tracking id (any of its audit lines exists).</summary>
    public static async Task<bool> WasSendCheckedAsync(DbConnection connection, Guid accountId, string trackingId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(PrivacySql.WasSendChecked,
            new { AccountId = accountId, TrackingId = trackingId, Events = AuditEvents.OfTheSendCheck }, cancellationToken: ct)) == 1;
}
