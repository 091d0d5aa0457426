namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>Text matched literally inside a LIKE pattern (with <c>ESCAPE '\'</c>) on both engines.</summary>
public static class SqlLike
{
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal)
            .Replace("[", @"\[", StringComparison.Ordinal); // a character class in SQL Server's LIKE
}
