using System.Text.Json;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>
/// Compares the emulator's JSON with a documented example by shape: every property the documentation shows is
/// present, recursively, with the same JSON kind. Values are not compared (ids, dates, <c>@odata.context</c> differ by
/// nature). Each documented array element must match one of the emulator's elements (the closest one is reported).
/// </summary>
public static class JsonShape
{
    /// <summary>The differences, as <c>$.value[].sender.emailAddress: missing</c>; paths in <paramref name="exempt"/> are skipped.</summary>
    public static List<string> Differences(JsonElement documented, JsonElement actual, IReadOnlyDictionary<string, string> exempt)
    {
        var differences = new List<string>();
        Compare(documented, actual, "$", exempt, differences);
        return differences;
    }

    private static void Compare(JsonElement documented, JsonElement actual, string path, IReadOnlyDictionary<string, string> exempt, List<string> differences)
    {
        if (exempt.ContainsKey(path))
        {
            return;
        }
        if (Kind(documented) != Kind(actual))
        {
            differences.Add($"{path}: documented {Kind(documented)}, emulator {Kind(actual)}");
            return;
        }
        if (documented.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in documented.EnumerateObject())
            {
                var child = $"{path}.{property.Name}";
                if (exempt.ContainsKey(child))
                {
                    continue;
                }
                if (!actual.TryGetProperty(property.Name, out var value))
                {
                    differences.Add($"{child}: missing");
                }
                else
                {
                    Compare(property.Value, value, child, exempt, differences);
                }
            }
        }
        else if (documented.ValueKind == JsonValueKind.Array)
        {
            var candidates = actual.EnumerateArray().ToList();
            foreach (var element in documented.EnumerateArray())
            {
                if (candidates.Count == 0)
                {
                    differences.Add($"{path}: the emulator's array is empty, the documentation's is not");
                    return;
                }
                differences.AddRange(candidates.Select(candidate =>
                {
                    var found = new List<string>();
                    Compare(element, candidate, $"{path}[]", exempt, found);
                    return found;
                }).MinBy(found => found.Count)!);
            }
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
