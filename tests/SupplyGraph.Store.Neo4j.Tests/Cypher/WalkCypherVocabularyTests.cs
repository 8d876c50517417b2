using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;

namespace SupplyGraph.Store.Neo4j.Tests.Cypher;

/// <summary>
/// The walk files spell out which relationship types are dependency steps and which end of each is upstream.
/// These must say exactly what the <see cref="RelationshipTypes"/> table says, or the two stores walk differently.
/// </summary>
public sealed class WalkCypherVocabularyTests
{
    private static readonly IReadOnlyList<RelationshipTypeInfo> Dependencies = [.. RelationshipTypes.All.Where(info => info.IsDependency)];

    // Walking upstream never passes through what a platform serves; walking downstream ends at the platform.
    private static readonly string UpstreamStep = Pattern(Dependencies.Where(info => info.Role != RelationshipRole.Serving));
    private static readonly string UpstreamFromEnd = Quoted(Dependencies.Where(info => info.Role != RelationshipRole.Serving && info.UpstreamEnd == RelationshipEnd.From));
    private static readonly string DownstreamStep = Pattern(Dependencies);
    private static readonly string DownstreamFromEnd = Quoted(Dependencies.Where(info => info.UpstreamEnd == RelationshipEnd.From));
    private static readonly string Products = string.Join('|', RelationshipTypes.All.Where(info => info.Role == RelationshipRole.Product).Select(info => info.Name));
    private static readonly string Serving = string.Join('|', RelationshipTypes.All.Where(info => info.Role == RelationshipRole.Serving).Select(info => info.Name));

    [Fact]
    public void The_supply_chain_walks_upstream_and_downstream_as_the_table_says()
    {
        var text = CypherScripts.SupplyChain.Text;

        text.Should().Contain(UpstreamStep).And.Contain($"(startNode(step) = next) = (type(step) IN {UpstreamFromEnd})");
        text.Should().Contain(DownstreamStep).And.Contain($"(startNode(step) = here) = (type(step) IN {DownstreamFromEnd})");
        text.Should().Contain($"[owns:{Products}]").And.Contain($"[serves:{Serving}]");
    }

    [Fact]
    public void Export_controls_walk_upstream_as_the_table_says()
    {
        var text = CypherScripts.ExportControls.Text;

        text.Should().Contain(UpstreamStep).And.Contain($"(startNode(step) = next) = (type(step) IN {UpstreamFromEnd})");
        text.Should().Contain($"[owns:{Products}]").And.Contain($"[serves:{Serving}]");
    }

    [Fact]
    public void Exposure_walks_downstream_as_the_table_says()
    {
        var text = CypherScripts.Exposure.Text;

        text.Should().Contain(DownstreamStep).And.Contain($"(startNode(step) = here) = (type(step) IN {DownstreamFromEnd})");
        text.Should().Contain($"[owns:{Products}]");
    }

    private static string Pattern(IEnumerable<RelationshipTypeInfo> types) => $"[step:{string.Join('|', types.Select(info => info.Name))}]";

    private static string Quoted(IEnumerable<RelationshipTypeInfo> types) => $"[{string.Join(", ", types.Select(info => $"'{info.Name}'"))}]";
}
