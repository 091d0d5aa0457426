using System.Collections.Concurrent;
using System.Text.Json;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// Classic Outlook on Windows' forwards: a forward starts with the parent's add-in custom properties, and its Sent Items
/// copy keeps them when the add-in saved its custom properties while composing it (they are dropped when it saved
/// none). Source: learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in, "Platform behavior in
/// messages": Forward — classic Outlook on Windows "Loads parent's properties"; Sent item from forward — "Removes
/// parent's properties if not saved"; Outlook on the web, new Outlook and Mac start every forward empty. Off (those
/// clients) until a test switches it on, per mailbox: each rep runs their own Outlook, and tests share the emulator.
/// </summary>
public sealed class ClassicForwards(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, bool> _classic = new();

    public void Switch(EmulatedMailbox mailbox, bool on)
    {
        if (on)
        {
            _classic[mailbox.Id] = true;
        }
        else
        {
            _classic.TryRemove(mailbox.Id, out _);
        }
    }

    /// <summary>
    /// The custom properties the Sent Items copy of a message sent from <paramref name="sender"/> carries: what the add-in
    /// <paramref name="saved"/> (null: it saved none), over the parent's when it forwards <paramref name="forwardOf"/> in
    /// classic mode.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SentCopyProperties(EmulatedMailbox sender, string? forwardOf, IReadOnlyDictionary<string, string>? saved)
    {
        if (!_classic.ContainsKey(sender.Id) || saved is null || forwardOf is null || sender.Find(forwardOf) is not { } parent
            || !parent.ExtendedProperties.TryGetValue(ExtendedPropertyIds.CustomProperties(options.AddinId), out var json))
        {
            return saved;
        }
        var merged = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        foreach (var (name, value) in saved)
        {
            merged[name] = value;
        }
        return merged;
    }
}
