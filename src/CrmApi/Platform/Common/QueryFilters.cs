using System.Globalization;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// Optional filters of a list read from the query string (an id, a period), each one at fault added to the errors by
/// its field name, so every audit list reads and refuses them alike.
/// </summary>
public static class QueryFilters
{
    public static Guid? Id(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        errors.Add(field, "Not a valid id (a GUID is expected).");
        return null;
    }

    /// <summary>From (inclusive) and to (exclusive); a date alone is midnight UTC, a time without an offset UTC.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Period(string? from, string? to, ValidationErrors errors)
    {
        var start = Time(from, "from", errors);
        var end = Time(to, "to", errors);
        if (start > end)
        {
            errors.Add("from", "The period starts after it ends: from must be before to.");
        }
        return (start, end);
    }

    private static DateTimeOffset? Time(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        errors.Add(field, "An ISO 8601 date or time, e.g. 2026-11-30 or 2026-11-30T09:00:00Z.");
        return null;
    }
}
