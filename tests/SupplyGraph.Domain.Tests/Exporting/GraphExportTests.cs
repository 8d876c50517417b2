using System.Text;
using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Exporting;

public sealed class GraphExportTests
{
    private static readonly Dataset Seed = SeedDataset.Load();

    // Built from the rows in reverse, so the index's own order is not the export order.
    private static readonly GraphIndex Graph = GraphIndex.Build([.. Seed.Entities.Reverse()], [.. Seed.Relationships.Reverse()]);

    [Theory]
    [InlineData("deepseek", 0)]
    [InlineData("deepseek", 1)]
    [InlineData("deepseek", 3)]
    [InlineData("nvidia-h800", 2)]
    [InlineData("tsmc", 1)]
    public void The_neighbourhood_is_every_entity_within_the_hops_either_direction(string id, int hops)
    {
        // arrange
        var expected = BreadthFirst(id, hops);

        // act
        var nodes = GraphExport.Neighbourhood(Graph, id, hops);

        // assert
        nodes.Select(node => Graph.Node(node).Id).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void The_neighbourhood_of_an_unknown_id_is_an_argument_error()
    {
        // act
        var act = () => GraphExport.Neighbourhood(Graph, "no-such-entity", 1);

        // assert
        act.Should().Throw<ArgumentException>().WithMessage("*no-such-entity*");
    }

    [Fact]
    public void Write_hands_over_the_nodes_by_id_then_only_the_relationships_among_them_by_key()
    {
        // arrange: every other entity, so some relationships have one end outside
        var chosen = Seed.Entities.Where((_, index) => index % 2 == 0).Select(entity => entity.Id).ToHashSet(StringComparer.Ordinal);
        var nodes = chosen.Select(id => Graph.TryGetNode(id, out var node) ? node : throw new InvalidOperationException(id)).ToList();
        var sink = new RecordingSink();

        // act
        var header = GraphExport.Write(Graph, nodes, sink, TestContext.Current.CancellationToken);

        // assert
        var expectedKeys = Seed.Relationships.Where(relationship => chosen.Contains(relationship.From) && chosen.Contains(relationship.To))
            .Select(relationship => relationship.Key).Order(StringComparer.Ordinal).ToList();
        expectedKeys.Should().NotBeEmpty().And.HaveCountLessThan(Seed.Relationships.Count);
        sink.EntitiesFirst.Should().BeTrue();
        sink.Entities.Select(entity => entity.Id).Should().Equal(chosen.Order(StringComparer.Ordinal));
        sink.Relationships.Select(relationship => relationship.Key).Should().Equal(expectedKeys);
        (header.Entities, header.Relationships).Should().Be((chosen.Count, expectedKeys.Count));
    }

    [Fact]
    public void Write_of_the_whole_graph_hands_over_every_row_unchanged()
    {
        // arrange
        var sink = new RecordingSink();

        // act
        GraphExport.Write(Graph, [.. Enumerable.Range(0, Graph.NodeCount)], sink, TestContext.Current.CancellationToken);

        // assert
        sink.Entities.Select(DatasetJson.EntityToJson).Should().Equal(Seed.Entities.OrderBy(entity => entity.Id, StringComparer.Ordinal).Select(DatasetJson.EntityToJson));
        sink.Relationships.Select(Json).Should().Equal(Seed.Relationships.OrderBy(relationship => relationship.Key, StringComparer.Ordinal).Select(Json));
    }

    [Fact]
    public void A_cancelled_write_stops()
    {
        // arrange
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // act
        var act = () => GraphExport.Write(Graph, [.. Enumerable.Range(0, Graph.NodeCount)], new RecordingSink(), cancellation.Token);

        // assert
        act.Should().Throw<OperationCanceledException>();
    }

    private static HashSet<string> BreadthFirst(string start, int hops)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var frontier = new List<string> { start };
        for (var hop = 0; hop < hops; hop++)
        {
            var next = new List<string>();
            foreach (var relationship in Seed.Relationships)
            {
                if (frontier.Contains(relationship.From) && seen.Add(relationship.To))
                {
                    next.Add(relationship.To);
                }

                if (frontier.Contains(relationship.To) && seen.Add(relationship.From))
                {
                    next.Add(relationship.From);
                }
            }

            frontier = next;
        }

        // The actors the included entities' fields name come along, so the export is a valid dataset.
        var byId = Seed.Entities.ToDictionary(entity => entity.Id, StringComparer.Ordinal);
        foreach (var id in seen.ToList())
        {
            var named = byId[id] switch
            {
                Chip chip => chip.Foundries.Append(chip.Designer),
                Model model => [model.Developer],
                Regulation regulation => [regulation.Issuer],
                _ => [],
            };
            seen.UnionWith(named.OfType<string>());
        }

        return seen;
    }

    private static string Json(RelationshipRecord relationship)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DatasetJson.WriteRelationship(writer, relationship);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
