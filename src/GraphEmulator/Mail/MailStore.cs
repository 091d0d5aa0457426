using System.Collections.Concurrent;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// The emulator's mailboxes. Graph names a user by object id or user principal name only (learn.microsoft.com
/// graph/api/user-get: <c>/users/{id | userPrincipalName}</c>), so <see cref="Find"/> resolves those two: a user whose
/// UPN differs from their SMTP address is not found by the address. Mail is addressed by SMTP address or alias, which
/// <see cref="FindByAddress"/> resolves, for delivery and the control API.
/// </summary>
public sealed class MailStore
{
    private readonly ConcurrentDictionary<string, EmulatedMailbox> _byGraphKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, EmulatedMailbox> _byAddress = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A user's mailbox; <paramref name="id"/> is the user's object id (in Entra the same id names the user in Graph
    /// and is the oid claim of their tokens: https://learn.microsoft.com/graph/api/user-get), random when not given;
    /// <paramref name="userPrincipalName"/> is the address unless given; <paramref name="aliases"/> receive mail too.
    /// </summary>
    public EmulatedMailbox AddOrGet(string address, string? displayName, string? id = null, string? userPrincipalName = null, IReadOnlyList<string>? aliases = null)
    {
        var key = address.Trim();
        if (_byAddress.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var mailbox = new EmulatedMailbox(id ?? Guid.NewGuid().ToString("D"), key, string.IsNullOrWhiteSpace(displayName) ? key : displayName.Trim())
        {
            UserPrincipalName = string.IsNullOrWhiteSpace(userPrincipalName) ? key : userPrincipalName.Trim(),
            Aliases = aliases?.Where(alias => !string.IsNullOrWhiteSpace(alias)).Select(alias => alias.Trim()).ToList() ?? [],
        };
        var added = _byAddress.GetOrAdd(key, mailbox);
        if (ReferenceEquals(added, mailbox))
        {
            _byGraphKey.TryAdd(mailbox.Id, mailbox);
            _byGraphKey.TryAdd(mailbox.UserPrincipalName, mailbox);
            foreach (var alias in mailbox.Aliases)
            {
                _byAddress.TryAdd(alias, mailbox);
            }
        }
        return added;
    }

    /// <summary>The user Graph's <c>/users/{key}</c> names: by object id or user principal name.</summary>
    public EmulatedMailbox? Find(string idOrUserPrincipalName) => _byGraphKey.GetValueOrDefault(Clean(idOrUserPrincipalName));

    /// <summary>The mailbox mail to this address lands in (primary SMTP address or alias), else by id or UPN.</summary>
    public EmulatedMailbox? FindByAddress(string address) => _byAddress.GetValueOrDefault(Clean(address)) ?? Find(address);

    public IEnumerable<EmulatedMailbox> All => _byAddress.Values.Distinct();

    private static string Clean(string key) => key.Trim().Trim('\'');
}
