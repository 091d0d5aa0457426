namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds OutlookCrm.sln.</summary>
public static class Repository
{
    public static string? FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OutlookCrm.sln")))
            {
                return folder.FullName;
            }
        }
        return null;
    }

    public static string Root => FindRoot() ?? throw new DirectoryNotFoundException("OutlookCrm.sln not found above the test binaries");
}
