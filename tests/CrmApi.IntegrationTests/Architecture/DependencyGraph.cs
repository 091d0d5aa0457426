namespace OutlookCrm.CrmApi.IntegrationTests.Architecture;

/// <summary>A directed graph of groups of code, each edge with the types that make it, and its cycles.</summary>
public sealed class DependencyGraph(IReadOnlyList<string> nodes)
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _edges = nodes.ToDictionary(
        node => node, _ => new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);

    public IReadOnlyList<string> Nodes => nodes;

    public void Add(string from, string to, IReadOnlyList<string> users) => _edges[from][to] = users;

    public bool Has(string from, string to) => _edges.TryGetValue(from, out var targets) && targets.ContainsKey(to);

    public IReadOnlyList<string> UsersOf(string from, string to) => _edges[from].GetValueOrDefault(to) ?? [];

    public IEnumerable<(string From, string To)> Edges =>
        _edges.SelectMany(pair => pair.Value.Keys.Select(to => (pair.Key, to)));

    /// <summary>
    /// The strongly connected components of more than one node (Tarjan): each is a set of groups that reach each other,
    /// so none of them can be understood, tested or moved without the others.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }
        return cycles;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges[node].Keys)
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] != index[node])
            {
                return;
            }
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
            {
                cycles.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }
    }

    /// <summary>A cycle in words: every edge between its members, with the types that make it.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var lines = from a in cycle
                    from b in cycle
                    where Has(a, b)
                    select $"  {a} -> {b}: {string.Join(", ", UsersOf(a, b))}";
        return $"{string.Join(" <-> ", cycle)}\n{string.Join('\n', lines)}";
    }
}
