using System.Reflection;

namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>
/// The embedded migration scripts of one dialect, by file name (<c>yyyy-MM-dd_NN_PascalDescription.sql</c>). The two
/// folders hold the same names; the journal records the file name so it reads the same on both engines.
/// </summary>
public static class MigrationScripts
{
    public static IReadOnlyList<(string Name, string Text)> For(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var marker = $".Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(resource => resource.Contains(marker, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => (Name: resource[(resource.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..], Text: Read(assembly, resource)))
            .OrderBy(script => script.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
