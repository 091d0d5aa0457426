using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>What the account-wide audit is filtered by; every filter optional. <c>To</c> is exclusive.</summary>
public sealed record LegalBasisAuditFilter(Guid? ContactId, string? Event, Guid? ActorUserId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>The account's legal-basis audit (<c>communication_audit</c>) read across contacts, a keyset page at a time.</summary>
public sealed class LegalBasisAuditStore(Db db)
{
    public Task<IReadOnlyList<AuditEntry>> PageAsync(
        Guid accountId, LegalBasisAuditFilter filter, DateTimeOffset? afterAt, Guid afterId, int limit, CancellationToken ct)
    {
        var sql = filter.ContactId is not null ? LegalBasisAuditSql.PageOfContact
            : filter.ActorUserId is not null ? LegalBasisAuditSql.PageOfActor
            : filter.Event is not null ? LegalBasisAuditSql.PageOfEvent
            : LegalBasisAuditSql.PageOfAccount;
        return db.ManyAsync<AuditEntry>(sql.For(db.Provider), new
        {
            AccountId = accountId,
            filter.ContactId,
            filter.Event,
            filter.ActorUserId,
            filter.From,
            filter.To,
            AfterAt = afterAt,
            AfterId = afterId,
            Limit = limit,
        }, ct);
    }

    public async Task<IReadOnlySet<Guid>> GetErasedAmongAsync(Guid accountId, IReadOnlyCollection<Guid> contactIds, CancellationToken ct) =>
        contactIds.Count == 0 ? new HashSet<Guid>()
        : (await db.ManyAsync<Guid>(LegalBasisAuditSql.ErasedAmong, new { AccountId = accountId, ContactIds = contactIds }, ct)).ToHashSet();
}
