using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Graph;

public sealed class GraphIndexBuilderTests
{
    private static readonly DateOnly Start = new(2022, 10, 7);
    private static readonly DateOnly End = new(2024, 1, 31);

    [Fact]
    public void A_relationship_reads_back_as_it_was_added_with_or_without_an_explicit_key()
    {
        // arrange
        var dataset = new DatasetBuilder()
            .Actor("lab", ActorCategory.AiLab)
            .Actor("cloud", ActorCategory.CloudProvider)
            .Link("cloud", RelationshipType.Hosts, "lab", Start, End, RelationshipStatus.Reported, note: "a note")
            .Link("cloud", RelationshipType.Hosts, "lab", status: RelationshipStatus.Alleged, key: "cloud/HOSTS/lab/second-claim")
            .Build();

        // act
        var index = GraphIndex.Build(dataset.Entities, dataset.Relationships);

        // assert
        Enumerable.Range(0, index.EdgeCount).Select(index.Edge).Should().BeEquivalentTo(dataset.Relationships);
        index.Key(0).Should().Be("cloud/HOSTS/lab");
        index.Key(1).Should().Be("cloud/HOSTS/lab/second-claim");
        index.Status(1).Should().Be(RelationshipStatus.Alleged);
        index.IsValidOn(0, Start.AddDays(-1).DayNumber).Should().BeFalse();
        index.IsValidOn(0, End.DayNumber).Should().BeTrue();
        index.IsValidOn(1, DateOnly.MinValue.DayNumber).Should().BeTrue();
    }

    [Fact]
    public void Repeated_source_lists_are_kept_once()
    {
        // arrange
        IReadOnlyList<Source> shared = [new Source("doc", "p. 1", null)];
        var builder = new GraphIndexBuilder();
        var a = builder.AddNode(new Actor { Id = "a", Name = "A", Category = ActorCategory.AiLab, Sources = shared });
        var b = builder.AddNode(new Actor { Id = "b", Name = "B", Category = ActorCategory.Investor, Sources = shared });

        // act
        builder.AddEdge(a, b, RelationshipType.BackedBy, null, null, RelationshipStatus.Confirmed, null, null, shared);
        builder.AddEdge(b, a, RelationshipType.BackedBy, null, null, RelationshipStatus.Confirmed, null, null, shared);
        var index = builder.Build();

        // assert
        index.Edge(0).Sources.Should().BeSameAs(shared);
        index.Edge(1).Sources.Should().BeSameAs(index.Edge(0).Sources);
        index.Kind(b).Should().Be(EntityKind.Actor);
        index.Outgoing(a).ToArray().Should().Equal(0);
        index.Incoming(a).ToArray().Should().Equal(1);
    }

    [Fact]
    public void Names_match_ignoring_case_and_surrounding_spaces_and_shared_names_find_every_entity()
    {
        // arrange
        var dataset = new DatasetBuilder()
            .Actor("deepseek", ActorCategory.AiLab, "DeepSeek", "High-Flyer AI")
            .Actor("other", ActorCategory.AiLab, "Other", "high-flyer ai")
            .Build();

        // act
        var index = GraphIndex.Build(dataset.Entities, dataset.Relationships);

        // assert
        index.NodesNamed("  deepSEEK ").ToArray().Select(node => index.Node(node).Id).Should().Equal("deepseek");
        index.NodesNamed("HIGH-FLYER AI").ToArray().Select(node => index.Node(node).Id).Should().BeEquivalentTo("deepseek", "other");
        index.NodesNamed("nobody").ToArray().Should().BeEmpty();
    }

    [Fact]
    public void An_entity_added_twice_or_an_edge_to_a_missing_node_is_refused()
    {
        // arrange
        var builder = new GraphIndexBuilder();
        var actor = new Actor { Id = "a", Name = "A", Category = ActorCategory.AiLab, Sources = [] };
        builder.AddNode(actor);

        // act
        var twice = () => builder.AddNode(actor);
        var dangling = () => builder.AddEdge(0, 5, RelationshipType.BackedBy, null, null, RelationshipStatus.Confirmed, null, null, []);

        // assert
        twice.Should().Throw<InvalidOperationException>().WithMessage("*a*twice*");
        dangling.Should().Throw<ArgumentOutOfRangeException>();
    }
}
