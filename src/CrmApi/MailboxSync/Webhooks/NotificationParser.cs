using System.Text.Json;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>One item of a Graph notification batch, as far as the webhook needs it.</summary>
public sealed record IncomingNotification(string SubscriptionId, string? ClientState, string? ChangeType, string? MessageId, string? LifecycleEvent);

/// <summary>
/// Reads Graph's <c>{"value": [...]}</c> batches. A body that is not such an object is malformed (400); an item missing
/// its subscription id is skipped and counted. Property names are matched case-insensitively, as Graph's casing varies.
/// </summary>
public static class NotificationParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static bool TryParse(ReadOnlyMemory<byte> body, out List<IncomingNotification> items, out int skipped)
    {
        items = [];
        skipped = 0;
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !TryGet(document.RootElement, "value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || Text(item, "subscriptionId") is not { } subscriptionId)
                {
                    skipped++;
                    continue;
                }
                var messageId = TryGet(item, "resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null;
                messageId ??= Text(item, "resource")?.Split('/').LastOrDefault();
                items.Add(new IncomingNotification(subscriptionId, Text(item, "clientState"), Text(item, "changeType"), messageId, Text(item, "lifecycleEvent")));
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
