using System.Data.Common;
using System.Text.Json;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary>
/// Writes the account audit: who did what to which target, a setting's value before and after, how many rows. Give
/// the action's transaction when there is one, so the action and its line land together or not at all.
/// </summary>
public sealed class AccountAudit(AccountAuditStore store, TimeProvider clock)
{
    public AccountAuditStore Store => store;

    public const string System = "system";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AccountAuditEntry Entry(CurrentUser user, string action, string? target, object? before = null, object? after = null, int? count = null) =>
        Entry(user.AccountId, user.UserId, user.Email, action, target, before, after, count);

    public AccountAuditEntry Entry(Guid accountId, Guid? actorUserId, string actor, string action, string? target, object? before = null, object? after = null, int? count = null) => new()
    {
        Id = clock.NewId(),
        AccountId = accountId,
        OccurredAt = clock.GetUtcNow(),
        ActorUserId = actorUserId,
        Actor = actor,
        Action = action,
        Target = target is { Length: > 512 } ? target[..512] : target,
        BeforeJson = before is null ? null : JsonSerializer.Serialize(before, Json),
        AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
        Count = count,
    };

    public Task RecordAsync(CurrentUser user, string action, string? target, object? before = null, object? after = null, int? count = null, CancellationToken ct = default) =>
        Store.AppendAsync(Entry(user, action, target, before, after, count), ct);

    public Task RecordAsync(DbTransaction transaction, AccountAuditEntry entry, CancellationToken ct) => AccountAuditStore.AppendAsync(transaction, entry, ct);
}
