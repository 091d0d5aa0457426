namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>One entry of a folder's change log: what delta queries replay.</summary>
public sealed record FolderChange(long Sequence, string Folder, string MessageId, bool Removed);

/// <summary>
/// A mailbox (a Graph user) with its folders. Every change is also written to its folder's log, so delta queries can
/// answer "what changed since this token". Thread-safe: the notification dispatcher and requests share it.
/// </summary>
public sealed class EmulatedMailbox(string id, string address, string displayName)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedMessage> _messages = new(StringComparer.Ordinal);
    private readonly List<FolderChange> _changes = [];
    private long _sequence;

    public string Id { get; } = id;

    public string Address { get; } = address;

    public string DisplayName { get; } = displayName;

    /// <summary>The name Graph's <c>/users/{upn}</c> takes: the SMTP address unless the user was made with another.</summary>
    public string UserPrincipalName { get; init; } = address;

    /// <summary>More SMTP addresses mail is delivered at (proxyAddresses); Graph does not name the user by them.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Bumped to make every delta token issued so far expire (Graph answers 410 Gone).</summary>
    public int DeltaEpoch { get; private set; }

    /// <summary>The status an expired token is answered with: 410 by default, or what the last expiry asked for.</summary>
    public int DeltaExpiryStatus { get; private set; } = StatusCodes.Status410Gone;

    public void Add(EmulatedMessage message)
    {
        lock (_gate)
        {
            _messages[message.Id] = message;
            Log(message.Folder, message.Id, removed: false);
        }
    }

    public bool Remove(string messageId)
    {
        lock (_gate)
        {
            if (!_messages.Remove(messageId, out var message))
            {
                return false;
            }
            Log(message.Folder, messageId, removed: true);
            return true;
        }
    }

    public EmulatedMessage? Find(string messageId)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(messageId);
        }
    }

    public EmulatedMessage? FindByInternetMessageId(string internetMessageId)
    {
        lock (_gate)
        {
            return _messages.Values.FirstOrDefault(message => message.InternetMessageId == internetMessageId);
        }
    }

    public IReadOnlyList<EmulatedMessage> Messages(string folder)
    {
        lock (_gate)
        {
            return _messages.Values.Where(message => message.Folder == folder).OrderBy(message => message.ReceivedDateTime).ToList();
        }
    }

    /// <summary>The folder's changes after a position, and the newest position.</summary>
    public (IReadOnlyList<FolderChange> Changes, long Position) ChangesSince(string folder, long after)
    {
        lock (_gate)
        {
            var changes = _changes.Where(change => change.Sequence > after && change.Folder == folder).ToList();
            return (changes, _sequence);
        }
    }

    public long Position
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public void ExpireDeltaTokens(int status = StatusCodes.Status410Gone)
    {
        lock (_gate)
        {
            DeltaEpoch++;
            DeltaExpiryStatus = status;
        }
    }

    private void Log(string folder, string messageId, bool removed)
    {
        _sequence++;
        _changes.Add(new FolderChange(_sequence, folder, messageId, removed));
    }
}
