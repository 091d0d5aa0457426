namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>The page size rules every paged list shares.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static bool TryLimit(int? requested, ValidationErrors errors, out int limit)
    {
        limit = requested ?? DefaultLimit;
        if (limit is >= 1 and <= MaxLimit)
        {
            return true;
        }
        errors.Add("limit", $"The limit must be between 1 and {MaxLimit}.");
        return false;
    }
}
