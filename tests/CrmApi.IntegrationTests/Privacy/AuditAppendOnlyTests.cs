using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Privacy;

/// <summary>
/// The legal-basis audit is append-only: no source file holds a statement that changes or removes an entry (and the
/// database's triggers refuse them: PrivacyBadInputTests).
/// </summary>
public partial class AuditAppendOnlyTests
{
    [Fact]
    public void No_source_file_updates_or_deletes_the_audit()
    {
        var sources = Path.Combine(Repository.Root, "src", "CrmApi");
        var offenders = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => ChangesTheAudit().IsMatch(File.ReadAllText(file)))
            .ToList();

        Assert.True(Directory.EnumerateFiles(sources, "PrivacySql.cs", SearchOption.AllDirectories).Any(), "the sources were not found");
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"(UPDATE|DELETE\s+FROM|TRUNCATE\s+TABLE)\s+(dbo\.)?communication_audit\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesTheAudit();
}
