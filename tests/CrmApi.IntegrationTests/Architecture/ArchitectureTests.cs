using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Architecture;

/// <summary>
/// The floor plan of docs/architecture.md, enforced: a few areas, dependencies one way between areas and between concept
/// folders, Dapper only in stores, a concept's SQL only in its folder, endpoints that reach another area through its
/// services, small files, namespaces that follow folders. A failure names the types (or files) that break the rule.
/// </summary>
public partial class ArchitectureTests(ITestOutputHelper output)
{
    private const int MaxAreas = 8;
    private const int MaxLines = 200;

    [Fact]
    public void Areas_AFewOfThem()
    {
        output.WriteLine(string.Join(", ", CodeMap.Areas));

        Assert.InRange(CodeMap.Areas.Count, 2, MaxAreas);
    }

    [Fact]
    public void Areas_DependOnEachOtherOneWay() => AssertOneWay(CodeMap.GraphAt(depth: 1));

    [Fact]
    public void ConceptFolders_DependOnEachOtherOneWay() => AssertOneWay(CodeMap.GraphAt(depth: 2));

    [Fact]
    public void Dapper_OnlyInStores()
    {
        var users = CodeMap.Types.That().HaveDependencyOn("Dapper").GetTypes().Select(CodeMap.OutermostName).Distinct();
        // Platform.Data is the plumbing every store stands on (connections, type handlers, migrations).
        var outside = users.Where(name => !name.EndsWith("Store", StringComparison.Ordinal) && !name.StartsWith("Platform.Data.", StringComparison.Ordinal));

        AssertNone(outside, "uses Dapper outside a store: move the statement into the concept's XxxStore");
    }

    [Fact]
    public void Endpoints_ReachOtherAreasThroughTheirServices()
    {
        var stores = CodeMap.Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("Store", StringComparison.Ordinal) && type.Namespace?.StartsWith(CodeMap.Root + ".", StringComparison.Ordinal) == true)
            .ToList();
        var found = new List<string>();
        foreach (var area in CodeMap.Areas)
        {
            var foreign = stores.Where(store => CodeMap.GroupOf(store.Namespace, 1) != area).Select(store => store.FullName!).ToArray();
            var endpoints = CodeMap.Types.That().ResideInNamespace($"{CodeMap.Root}.{area}.").And().HaveDependencyOnAny(foreign)
                .GetTypes().Select(CodeMap.OutermostName).Where(name => name.EndsWith("Api", StringComparison.Ordinal)).Distinct();
            found.AddRange(endpoints);
        }

        AssertNone(found, "is an endpoint that reads another area's store: call that area's service instead");
    }

    /// <summary>
    /// SQL constants are inlined by the compiler, so the IL cannot see who uses them: the source is read instead. A
    /// concept's statements are run by its own store; another folder asks that store (or its service).
    /// </summary>
    [Fact]
    public void Sql_OnlyInItsOwnConceptFolder()
    {
        var source = Path.Combine(Repository.Root, "src", "CrmApi");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(path => !IsBuildOutput(path))
            .Select(path => (Folder: ConceptFolderOf(source, path), Text: File.ReadAllText(path))).ToList();
        var owners = files.SelectMany(file => SqlClass().Matches(file.Text).Select(match => (Name: match.Groups[1].Value, file.Folder)))
            .ToDictionary(owner => owner.Name, owner => owner.Folder, StringComparer.Ordinal);
        var foreign = files
            .SelectMany(file => SqlUse().Matches(file.Text).Select(match => match.Groups[1].Value).Distinct()
                .Where(name => owners.TryGetValue(name, out var owner) && owner != file.Folder)
                .Select(name => $"{file.Folder} uses {name}"))
            .Distinct();

        AssertNone(foreign, "(another concept's SQL): call that concept's store instead");
    }

    [Fact]
    public void SourceFiles_AtMost200Lines()
    {
        var source = Path.Combine(Repository.Root, "src");
        var longFiles = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Where(path => File.ReadLines(path).Count() > MaxLines)
            .Select(path => Path.GetRelativePath(source, path).Replace('\\', '/'));

        AssertNone(longFiles, $"is over {MaxLines} lines: split it by responsibility");
    }

    [Fact]
    public void Namespaces_FollowFolders()
    {
        var source = Path.Combine(Repository.Root, "src", "CrmApi");
        var wrong = new List<string>();
        foreach (var path in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(path => !IsBuildOutput(path)))
        {
            var folder = Path.GetRelativePath(source, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder == "." ? null : $"{CodeMap.Root}.{folder}";
            var declared = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';');
            if (declared != expected)
            {
                wrong.Add($"{Path.GetRelativePath(source, path)} declares {declared ?? "no namespace"}, its folder says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private void AssertOneWay(DependencyGraph graph)
    {
        output.WriteLine($"{graph.Nodes.Count} groups, {graph.Edges.Count()} dependencies between them");
        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Dependencies in a cycle (each edge with the types that make it):\n{string.Join('\n', cycles.Select(graph.Describe))}");
    }

    private static void AssertNone(IEnumerable<string> found, string problem)
    {
        var breaking = found.Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(breaking.Count == 0, string.Join('\n', breaking.Select(name => $"{name} {problem}")));
    }

    private static string ConceptFolderOf(string source, string path) =>
        string.Join('.', Path.GetRelativePath(source, path).Split(Path.DirectorySeparatorChar).SkipLast(1).Take(2));

    [GeneratedRegex(@"\bclass (\w+Sql)\b")]
    private static partial Regex SqlClass();

    [GeneratedRegex(@"(?<!\w)(\w+Sql)\.\w")]
    private static partial Regex SqlUse();

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
