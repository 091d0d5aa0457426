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

    /// <summary>The W3C traceparent of the request that queued the row, which the worker's span continues.</summary>
    public string? TraceParent { get; init; }
}

public sealed record StatusCount
{
    public required string Status { get; init; }
    public required long Count { get; init; }
}

public sealed record MailboxStatusCount
{
    public required Guid MailboxId { get; init; }
    public required string Status { get; init; }
    public required long Count { get; init; }
}

/// <summary>A mailbox's rows of one status that carry an error, one of their errors, and when the last of them is due.</summary>
public sealed record MailboxErrors
{
    public required Guid MailboxId { get; init; }
    public required string Status { get; init; }
    public required long Count { get; init; }
    public required string LastError { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
}
