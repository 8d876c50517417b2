using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// The shared predecessor graph lists the same shortest routes, in the same order, as searching back from each target
/// and sorting every route found: on random graphs built to be hard (parallel claims of every status, ids that are
/// prefixes of one another, terminal steps that reach a node before it is walked on from) and on the seed.
/// </summary>
public sealed class ShortestRoutesTests
{
    [Theory]
    [InlineData(1, 60, 260)]
    [InlineData(2, 60, 260)]
    [InlineData(3, 60, 260)]
    [InlineData(4, 60, 260)]
    [InlineData(5, 60, 260)]
    [InlineData(6, 30, 600)] // dense: nodes with dozens of steps in, from many entities and parallel claims
    [InlineData(7, 40, 900)]
    public void Routes_from_the_shared_graph_are_the_routes_a_search_finds_in_the_same_order(int seed, int nodes, int edges)
    {
        // arrange
        var graph = HardGraphs.Supplies(seed, nodes, edges);

        // act and assert
        foreach (var start in new[] { 0, 7, 23 })
        {
            CompareWithSearch(graph, start, max: 3, terminalEvery: 4);
            CompareWithSearch(graph, start, max: 100, terminalEvery: 4);
        }
    }

    [Fact]
    public void Routes_on_the_seed_are_the_routes_a_search_finds_in_the_same_order()
    {
        // arrange
        var seed = SeedDataset.Load();
        var graph = GraphIndex.Build(seed.Entities, seed.Relationships);

        // act and assert
        for (var start = 0; start < graph.Entities.Count; start += 5)
        {
            CompareWithSearch(graph, start, max: 25, terminalEvery: 7);
        }
    }

    private static void CompareWithSearch(GraphIndex graph, int start, int max, int terminalEvery)
    {
        using var walk = new Walk(graph, QueryLimits.DefaultMaxHops);
        walk.Run(start, (node, sink) =>
        {
            foreach (var edge in graph.Outgoing(node))
            {
                sink.Examine();
                sink.Offer(edge, node, graph.To(edge), terminal: edge % terminalEvery == 0);
            }

            foreach (var edge in graph.Incoming(node))
            {
                sink.Examine();
                sink.Offer(edge, node, graph.From(edge), terminal: edge % terminalEvery == 1);
            }
        });

        foreach (var target in walk.Reached)
        {
            var listed = walk.PathsTo(target, start, max, shortestOnly: true);
            var searched = walk.RoutesOfLength(target, start, walk.DepthOf(target), long.MaxValue);

            searched.Should().NotBeNull();
            Describe(graph, listed).Should().Equal(Describe(graph, [.. searched!.Take(max + 1)]), $"routes from {graph.Node(start).Id} to {graph.Node(target).Id}");
        }
    }

    private static List<string> Describe(GraphIndex graph, List<List<Walk.Step>> routes) =>
        [.. routes.Select(route => string.Join(" ", route.Select(step => graph.Key(step.Edge))))];
}
