using System.Reflection;
using NetArchTest.Rules;

namespace OutlookCrm.CrmApi.IntegrationTests.Architecture;

/// <summary>
/// CrmApi's floor plan read from its compiled code: areas (<c>OutlookCrm.CrmApi.{Area}</c>), concept folders
/// (<c>OutlookCrm.CrmApi.{Area}.{Concept}</c>, sub-namespaces included) and which of them use which. NetArchTest reads
/// the IL, so a dependency counts whether it came from a using directive, a qualified name or a lambda's closure.
/// </summary>
public static class CodeMap
{
    public const string Root = "OutlookCrm.CrmApi";

    public static Assembly Assembly { get; } = typeof(Platform.Data.Db).Assembly;

    public static Types Types => Types.InAssembly(Assembly);

    /// <summary>Every namespace of CrmApi's own types, compiler-generated ones left out.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = Assembly.GetTypes()
        .Select(type => type.Namespace)
        .OfType<string>()
        .Where(name => name.StartsWith(Root + ".", StringComparison.Ordinal))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<string> Areas { get; } = GroupsAt(depth: 1);

    public static IReadOnlyList<string> Concepts { get; } = GroupsAt(depth: 2);

    /// <summary>The group a namespace belongs to at a depth below <see cref="Root"/>: 1 is its area, 2 its concept folder.</summary>
    public static string? GroupOf(string? name, int depth)
    {
        if (name is null || !name.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = name[(Root.Length + 1)..].Split('.');
        return parts.Length < depth ? null : string.Join('.', parts.Take(depth));
    }

    /// <summary>Which groups use which, at a depth; each edge with the types that make it.</summary>
    public static DependencyGraph GraphAt(int depth)
    {
        var groups = GroupsAt(depth);
        var graph = new DependencyGraph(groups);
        foreach (var from in groups)
        {
            foreach (var to in groups.Where(group => group != from))
            {
                var users = Types.That().ResideInNamespace($"{Root}.{from}").And().HaveDependencyOn($"{Root}.{to}")
                    .GetTypes().Select(OutermostName).Distinct().Order(StringComparer.Ordinal).ToList();
                if (users.Count > 0)
                {
                    graph.Add(from, to, users);
                }
            }
        }
        return graph;
    }

    /// <summary>The name a reader knows a type by: a lambda's closure or an async state machine counts as its method's class.</summary>
    public static string OutermostName(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type.FullName![(Root.Length + 1)..];
    }

    private static List<string> GroupsAt(int depth) =>
        Namespaces.Select(name => GroupOf(name, depth)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
