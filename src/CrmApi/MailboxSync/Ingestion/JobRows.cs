namespace OutlookCrm.CrmApi.MailboxSync.Ingestion;

public static class JobKinds
{
    /// <summary>Renew (and so reauthorize) a subscription now: <c>reauthorizationRequired</c>.</summary>
    public const string Renew = "renew";

    /// <summary>Create the folder's subscription again, then catch up: <c>subscriptionRemoved</c>.</summary>
    public const string Recreate = "recreate";

    /// <summary>Walk the folder's delta and queue what is new: <c>missed</c>, after downtime, and periodically.</summary>
    public const string CatchUp = "catchup";

    /// <summary>
    /// After a connection: walk the folder's whole delta once, a few pages at a time, queuing the mail received since
    /// the job's <see cref="MailboxJob.Since"/> (the connection, or as far back as the admin asked to import), and keep
    /// the delta link that every later catch-up starts from.
    /// </summary>
    public const string FirstSync = "firstsync";

    /// <summary>A history import asked for later: the same walk from its own start, leaving the stored delta link alone.</summary>
    public const string Import = "import";

    /// <summary>The jobs that page through a whole folder and report their progress in the mailbox's health.</summary>
    public static readonly IReadOnlyList<string> Walks = [FirstSync, Import];
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
    /// <summary>A walk's next delta page, where it goes on after its last run (null: from the start of the folder).</summary>
    public string? ResumeLink { get; init; }
    /// <summary>A walk queues mail received from this time on.</summary>
    public DateTimeOffset? Since { get; init; }
    public long ItemsQueued { get; init; }
}
