using System.Collections.Concurrent;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>The emulator's mailboxes, found by address (UPN) or id, as Graph's <c>/users/{id-or-upn}</c> does.</summary>
public sealed class MailStore
{
    private readonly ConcurrentDictionary<string, EmulatedMailbox> _byKey = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A user's mailbox; <paramref name="id"/> is the user's object id (in Entra the same id names the user in Graph
    /// and is the oid claim of their tokens: https://learn.microsoft.com/graph/api/user-get), random when not given.
    /// </summary>
    public EmulatedMailbox AddOrGet(string address, string? displayName, string? id = null)
    {
        var key = address.Trim();
        if (_byKey.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var mailbox = new EmulatedMailbox(id ?? Guid.NewGuid().ToString("D"), key, string.IsNullOrWhiteSpace(displayName) ? key : displayName.Trim());
        var added = _byKey.GetOrAdd(key, mailbox);
        _byKey.TryAdd(added.Id, added);
        return added;
    }

    public EmulatedMailbox? Find(string idOrAddress) => _byKey.GetValueOrDefault(idOrAddress.Trim().Trim('\''));

    public IEnumerable<EmulatedMailbox> All => _byKey.Values.Distinct();
}
