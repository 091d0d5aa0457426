using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>The free properties of a record, kept as one JSON object.</summary>
public static class PropertyBag
{
    public const string Empty = "{}";

    /// <summary>Applies changes to the stored object: a value sets the property, null removes it.</summary>
    public static string Merge(string existing, IReadOnlyDictionary<string, JsonElement>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return existing;
        }
        var bag = JsonNode.Parse(existing)?.AsObject() ?? [];
        foreach (var (key, value) in changes)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                bag.Remove(key);
            }
            else
            {
                bag[key] = JsonNode.Parse(value.GetRawText());
            }
        }
        return bag.ToJsonString();
    }
}
