namespace OutlookCrm.CrmApi.Platform.Audit;

/// <summary>What the account audit records: each admin action, and every refusal of one.</summary>
public static class AuditActions
{
    public const string SettingsChanged = "settings.changed";
    public const string NeverLogAdded = "neverLog.added";
    public const string NeverLogRemoved = "neverLog.removed";
    public const string NeverLogRestored = "neverLog.restored";
    public const string PurgeExpired = "neverLog.purgeExpired";
    public const string MailboxConnected = "mailbox.connected";
    public const string MailboxDisconnected = "mailbox.disconnected";
    public const string OptOutCleared = "contact.optOutCleared";
    public const string AdminAction = "admin.action";
    public const string RoleRefused = "role.refused";
    public const string LegalBasisAuditExported = "legalBasisAudit.exported";

    public static readonly IReadOnlyList<string> All =
    [
        SettingsChanged, NeverLogAdded, NeverLogRemoved, NeverLogRestored, PurgeExpired, MailboxConnected, MailboxDisconnected, OptOutCleared,
        AdminAction, RoleRefused, LegalBasisAuditExported,
    ];
}

/// <summary>
/// One line of the account's append-only audit. <c>BeforeJson</c>/<c>AfterJson</c> hold a setting's value around a
/// change; <c>Count</c> how many rows an action touched (a purge's emails, a retry's dead letters).
/// </summary>
public sealed record AccountAuditEntry
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Null for the system (the retention sweep).</summary>
    public Guid? ActorUserId { get; init; }
    /// <summary>The actor's address as it was at the time, or "system".</summary>
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
    public int? Count { get; init; }
}
