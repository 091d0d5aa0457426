namespace OutlookCrm.CrmApi.IntegrationTests.Architecture;

/// <summary>The cycle finder the architecture tests rely on, on graphs whose answer is known.</summary>
public class DependencyGraphTests
{
    [Fact]
    public void Cycles_OneWayChain_None()
    {
        var graph = Graph(("a", "b"), ("b", "c"), ("a", "c"));

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void Cycles_TwoFoldersThatUseEachOther_OneCycleOfBoth()
    {
        var graph = Graph(("a", "b"), ("b", "a"), ("b", "c"));

        Assert.Equal(["a", "b"], Assert.Single(graph.Cycles()));
    }

    [Fact]
    public void Cycles_LongLoopAndASeparateOne_BothFound()
    {
        var graph = Graph(("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "d"), ("c", "d"));

        var cycles = graph.Cycles().OrderBy(cycle => cycle[0], StringComparer.Ordinal).ToList();

        Assert.Equal(2, cycles.Count);
        Assert.Equal(["a", "b", "c"], cycles[0]);
        Assert.Equal(["d", "e"], cycles[1]);
    }

    private static DependencyGraph Graph(params (string From, string To)[] edges)
    {
        var graph = new DependencyGraph(edges.SelectMany(edge => new[] { edge.From, edge.To }).Distinct().ToList());
        foreach (var (from, to) in edges)
        {
            graph.Add(from, to, ["T"]);
        }
        return graph;
    }
}
