using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class BareBreadthFirstWalkTests
{
    [Fact]
    public void The_bare_walk_examines_every_relationship_of_what_it_reaches_both_ways_and_stops_at_the_limit()
    {
        // arrange: a chain a - b - c - d plus an island e - f
        var dataset = new DatasetBuilder()
            .Actor("a", ActorCategory.AiLab).Actor("b", ActorCategory.Investor).Actor("c", ActorCategory.Investor).Actor("d", ActorCategory.Investor)
            .Actor("e", ActorCategory.Investor).Actor("f", ActorCategory.Investor)
            .Link("a", RelationshipType.BackedBy, "b").Link("c", RelationshipType.BackedBy, "b").Link("c", RelationshipType.BackedBy, "d")
            .Link("e", RelationshipType.BackedBy, "f")
            .Build();
        var index = GraphIndex.Build(dataset.Entities, dataset.Relationships);
        index.TryGetNode("a", out var a);
        var walk = new BareBreadthFirstWalk(index);

        // act
        var everything = walk.Run(a, long.MaxValue);
        var limited = walk.Run(a, 2);
        var again = walk.Run(a, long.MaxValue);

        // assert: each of the 3 reachable relationships is seen from both of its ends
        everything.Should().Be(6);
        limited.Should().Be(2);
        again.Should().Be(everything);
    }
}
