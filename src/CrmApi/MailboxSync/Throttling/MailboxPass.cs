namespace OutlookCrm.CrmApi.MailboxSync.Throttling;

/// <summary>
/// Leave to send one Graph request to a mailbox, or why not and until when (Graph's Retry-After runs, or the request
/// budget is spent). Disposing it gives the slot back.
/// </summary>
public sealed class MailboxPass : IAsyncDisposable
{
    private readonly Func<ValueTask>? _exit;

    private MailboxPass(Func<ValueTask>? exit, DateTimeOffset? notBefore, string reason)
    {
        _exit = exit;
        NotBefore = notBefore;
        Reason = reason;
    }

    /// <summary>Null when the request may go; otherwise the earliest time to ask again.</summary>
    public DateTimeOffset? NotBefore { get; }

    public string Reason { get; }

    public static MailboxPass Entered(Func<ValueTask> exit) => new(exit, null, "");

    public static MailboxPass Wait(DateTimeOffset notBefore, string reason) => new(null, notBefore, reason);

    public ValueTask DisposeAsync() => _exit?.Invoke() ?? ValueTask.CompletedTask;
}
