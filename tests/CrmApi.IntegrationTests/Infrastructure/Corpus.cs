namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// The shared corpus of real mail and Microsoft Graph documentation payloads (<c>shared/corpus</c> beside the
/// checkout; its SOURCES.md names the origin of every file). It is deliberately not in the repository, so a test that
/// reads it calls <see cref="Require"/> and shows as skipped where it is absent: never a silent pass.
/// </summary>
public static class Corpus
{
    private const string Missing =
        "The shared corpus (shared/corpus beside the checkout, e.g. /work/shared/corpus) is not on this machine; the test needs its files.";

    /// <summary>The corpus folder: the first <c>shared/corpus</c> found walking up from the test binaries, or null.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>Raw RFC 5322 messages (<c>mail/*.eml</c>), by full path; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> MailFiles => Files("mail", "*.eml");

    /// <summary>Graph documentation payloads (<c>graph/*.json</c>), by full path; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> GraphFiles => Files("graph", "*.json");

    /// <summary>The corpus folder, or the calling test is skipped with the reason.</summary>
    public static string Require()
    {
        Assert.SkipWhen(Directory is null, Missing);
        return Directory;
    }

    /// <summary>A file of <c>mail/</c>, e.g. <c>bbfc85ea-issue408.eml</c>; skips the test when the corpus is absent.</summary>
    public static string MailFile(string name) => Existing(Path.Combine(Require(), "mail", name));

    /// <summary>A file of <c>graph/</c>, e.g. <c>message-get-example1.json</c>; skips the test when the corpus is absent.</summary>
    public static string GraphFile(string name) => Existing(Path.Combine(Require(), "graph", name));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"The corpus has no {Path.GetFileName(path)}: see its SOURCES.md", path);

    private static List<string> Files(string folder, string pattern) =>
        Directory is null || !System.IO.Directory.Exists(Path.Combine(Directory, folder))
            ? []
            : System.IO.Directory.GetFiles(Path.Combine(Directory, folder), pattern).Order(StringComparer.Ordinal).ToList();

    // From the test binaries up past the checkout (bin/Release/net10.0 → tests → repository → its parent), so a worktree
    // anywhere beside shared/ finds it without configuration.
    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
