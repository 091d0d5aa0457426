namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

public static class InboxStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Done = "done";
    public const string Dead = "dead";
}

/// <summary>A change notification (or a catch-up find) waiting for the worker: one per mailbox, message and change.</summary>
public sealed record InboxRow
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid MailboxId { get; init; }
    public required string Folder { get; init; }
    public required string MessageId { get; init; }
    public required string ChangeType { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Status { get; init; }
    public required int Attempts { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? FinishedReason { get; init; }
    public string? LastError { get; init; }
}

public static class JobKinds
{
    /// <summary>Renew (and so reauthorize) a subscription now: <c>reauthorizationRequired</c>.</summary>
    public const string Renew = "renew";

    /// <summary>Create the folder's subscription again, then catch up: <c>subscriptionRemoved</c>.</summary>
    public const string Recreate = "recreate";

    /// <summary>Walk the folder's delta and queue what is new: <c>missed</c>, after downtime, and periodically.</summary>
    public const string CatchUp = "catchup";
}

public sealed record MailboxJob
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid MailboxId { get; init; }
    public string? Folder { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required int Attempts { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? LastError { get; init; }
}

public sealed record StatusCount
{
    public required string Status { get; init; }
    public required long Count { get; init; }
}
