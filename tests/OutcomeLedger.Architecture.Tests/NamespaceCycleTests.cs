using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Architecture.Tests;

/// <summary>
/// No namespace of Core depends, through any chain, on a namespace that depends back on it: every dependency a type
/// has in its signatures and method bodies (ArchUnitNET reads them from the IL) counts, at full namespace depth.
/// </summary>
public class NamespaceCycleTests
{
    static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader().LoadAssemblies(typeof(LedgerSession).Assembly).Build());

    [Fact]
    public void Core_has_no_namespace_cycles()
    {
        var graph = Graph(Loaded.Value.Types.Where(t => t.Namespace.FullName.StartsWith("OutcomeLedger.Core", StringComparison.Ordinal)));
        var cycles = NamespaceGraph.Cycles(graph.Keys.ToList(), ns => graph[ns].Keys);
        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles.Select(cycle => Describe(cycle, graph))));
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        // A → B → C → A and C → D: one cycle of three, D outside it.
        var edges = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [] };
        var cycles = NamespaceGraph.Cycles(edges.Keys.ToList(), n => edges[n]);
        var cycle = Assert.Single(cycles);
        Assert.Equal(["A", "B", "C"], cycle.Order(StringComparer.Ordinal));
        Assert.Empty(NamespaceGraph.Cycles(["A", "B"], n => n == "A" ? ["B"] : []));
    }

    // Namespace → namespace it depends on → one type dependency that makes it so (for the message).
    static Dictionary<string, Dictionary<string, string>> Graph(IEnumerable<IType> types)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var from = type.Namespace.FullName;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
            // A generic parameter is no dependency: ArchUnitNET names the owner of a generic method's type parameter
            // by signature, so the identical private TryGetTypeInfoForRuntimeCustomConverter<T> that System.Text.Json's
            // generator writes into every context is credited to whichever context it met first.
            foreach (var dependency in type.Dependencies.Where(d => d.Target is not GenericParameter))
            {
                var to = dependency.Target?.Namespace?.FullName ?? "";
                if (to != from && to.StartsWith("OutcomeLedger.Core", StringComparison.Ordinal))
                {
                    edges.TryAdd(to, $"{type.FullName} → {dependency.Target!.FullName}");
                    graph.TryAdd(to, new(StringComparer.Ordinal));
                }
            }
        }

        return graph;
    }

    static string Describe(IReadOnlyList<string> cycle, Dictionary<string, Dictionary<string, string>> graph)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        var edges = cycle.SelectMany(from => graph[from].Where(e => members.Contains(e.Key)).Select(e => $"  {from} → {e.Key} (e.g. {e.Value})"));
        return "cycle among " + string.Join(", ", cycle) + ": " + string.Join("; ", edges);
    }
}
