using System.Text.Json.Nodes;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// A message as Graph v1.0 returns it: the real property names and shapes, <c>$select</c> honoured (with
/// <c>internetMessageHeaders</c> only when selected), and <c>$expand=singleValueExtendedProperties($filter=id eq '…')</c>.
/// </summary>
public static class MessageJson
{
    /// <summary>
    /// The message's JSON. A derived type (an eventMessage) always names itself in <c>@odata.type</c>; a plain message
    /// does so only when <paramref name="typed"/>, as in delta pages, whose documented items all carry
    /// <c>"@odata.type": "#microsoft.graph.message"</c> (learn.microsoft.com graph/api/message-delta).
    /// </summary>
    public static JsonObject Project(EmulatedMessage message, string? select, string? expand, bool typed = false, string? context = null, string? bodyType = null)
    {
        var wanted = string.IsNullOrWhiteSpace(select)
            ? MessageProperties.Default
            : select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = new JsonObject();
        if (context is not null)
        {
            json["@odata.context"] = context;
        }
        if ((message.Meeting?.ODataType ?? (typed ? "#microsoft.graph.message" : null)) is { } type)
        {
            json["@odata.type"] = type;
        }
        json["@odata.etag"] = message.ETag;
        json["id"] = message.Id;
        foreach (var property in wanted)
        {
            if (MessageProperties.Value(message, property, bodyType) is { } value)
            {
                json[property] = value;
            }
        }
        if (ExpandedPropertyIds(expand) is { } ids)
        {
            json["singleValueExtendedProperties"] = new JsonArray(message.ExtendedProperties
                .Where(property => ids.Contains(property.Key, StringComparer.OrdinalIgnoreCase))
                .Select(property => (JsonNode)new JsonObject { ["id"] = property.Key, ["value"] = property.Value })
                .ToArray());
        }
        return json;
    }

    /// <summary>
    /// <c>@odata.context</c> as the documentation shows it: <c>$metadata#users('…')/messages/$entity</c> for one message,
    /// with the selected properties in parentheses when <c>$select</c> was given.
    /// </summary>
    public static string Context(string user, string? select, bool entity) =>
        $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/messages{(string.IsNullOrWhiteSpace(select) ? "" : $"({select})")}{(entity ? "/$entity" : "")}";

    /// <summary>The ids named in <c>singleValueExtendedProperties($filter=id eq 'a' or id eq 'b')</c>, or null when not expanded.</summary>
    private static List<string>? ExpandedPropertyIds(string? expand)
    {
        if (expand is null || !expand.Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return System.Text.RegularExpressions.Regex.Matches(expand, "id eq '([^']*)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(match => match.Groups[1].Value).ToList();
    }
}
