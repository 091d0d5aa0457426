using System.Collections.Concurrent;

namespace OutlookCrm.GraphEmulator.Subscriptions;

public sealed class EmulatedSubscription
{
    public required string Id { get; init; }
    public required string Resource { get; init; }
    public required string ChangeType { get; init; }
    public required string NotificationUrl { get; init; }
    public string? LifecycleNotificationUrl { get; init; }
    public string? ClientState { get; init; }
    public required string MailboxId { get; init; }
    /// <summary>The folder watched, or null for every message of the mailbox.</summary>
    public string? Folder { get; init; }
    public required string TenantId { get; init; }
    public DateTimeOffset ExpirationDateTime { get; set; }

    /// <summary>The optional text properties the client set, echoed back as Graph does (null when unset).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>False when the client said so; null when it did not (never true: see SubscriptionEndpoints).</summary>
    public bool? IncludeResourceData { get; init; }

    public bool Watches(string changeType) => ChangeType.Split(',').Contains(changeType, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The subscriptions Graph holds for the app; expired ones are gone, as in Graph.</summary>
public sealed class SubscriptionStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EmulatedSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public void Add(EmulatedSubscription subscription) => _subscriptions[subscription.Id] = subscription;

    public EmulatedSubscription? Find(string id) =>
        _subscriptions.TryGetValue(id, out var subscription) && subscription.ExpirationDateTime > clock.GetUtcNow() ? subscription : null;

    public bool Remove(string id) => _subscriptions.TryRemove(id, out _);

    /// <summary>Lets the subscription run out now, as Graph does when nobody renewed it in time.</summary>
    public bool Expire(string id)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return false;
        }
        subscription.ExpirationDateTime = clock.GetUtcNow().AddSeconds(-1);
        return true;
    }

    public IReadOnlyList<EmulatedSubscription> Active() =>
        _subscriptions.Values.Where(subscription => subscription.ExpirationDateTime > clock.GetUtcNow()).ToList();

    public IEnumerable<EmulatedSubscription> Watching(string mailboxId, string folder, string changeType) =>
        Active().Where(subscription => subscription.MailboxId == mailboxId && (subscription.Folder is null || subscription.Folder == folder) && subscription.Watches(changeType));

    /// <summary><c>users/{id}/mailFolders('sentitems')/messages</c> or <c>users/{id}/messages</c>: the user and the folder.</summary>
    public static (string User, string? Folder)? ParseResource(string resource)
    {
        var parts = resource.Trim().Trim('/').Split('/');
        static string Inside(string part) => part[(part.IndexOf('(') + 1)..].TrimEnd(')').Trim('\'');
        int next;
        string user;
        if (parts.Length >= 2 && parts[0].StartsWith("users(", StringComparison.OrdinalIgnoreCase))
        {
            (user, next) = (Inside(parts[0]), 1);
        }
        else if (parts.Length >= 3 && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase))
        {
            (user, next) = (parts[1], 2);
        }
        else
        {
            return null;
        }
        var rest = parts[next..];
        return rest switch
        {
            [var messages] when IsMessages(messages) => (user, null),
            [var folder, var messages] when folder.StartsWith("mailFolders(", StringComparison.OrdinalIgnoreCase) && IsMessages(messages) => (user, Inside(folder)),
            [var folders, var folder, var messages] when folders.Equals("mailFolders", StringComparison.OrdinalIgnoreCase) && IsMessages(messages) => (user, folder),
            _ => null,
        };
    }

    private static bool IsMessages(string part) => part.Equals("messages", StringComparison.OrdinalIgnoreCase);
}
