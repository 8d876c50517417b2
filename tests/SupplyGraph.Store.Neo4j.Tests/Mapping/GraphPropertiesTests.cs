using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.Mapping;

public sealed class GraphPropertiesTests
{
    private static readonly Dataset Seed = SeedDataset.Load();

    [Fact]
    public void Every_seed_entity_comes_back_from_its_node_properties_unchanged()
    {
        foreach (var entity in Seed.Entities)
        {
            // arrange: what the upsert writes, as the Query API hands it back (lists as object lists)
            var properties = (Dictionary<string, object?>)GraphProperties.EntityRow(entity)["properties"]!;
            var node = new CypherNode($"4:test:{entity.Id}", ["Entity", entity.Kind.ToString()], AsReturned(properties));

            // act
            var read = GraphProperties.ToEntity(node);

            // assert
            read.Should().BeEquivalentTo(entity, options => options.RespectingRuntimeTypes(), entity.Id);
        }
    }

    [Fact]
    public void Every_seed_relationship_comes_back_from_its_properties_unchanged()
    {
        foreach (var relationship in Seed.Relationships)
        {
            var row = GraphProperties.RelationshipRow(relationship);
            var properties = (Dictionary<string, object?>)row["properties"]!;
            var stored = new CypherRelationship("5:test:1", (string)row["type"]!, "4:test:a", "4:test:b", AsReturned(properties));

            var read = GraphProperties.ToRelationship(stored, relationship.From, relationship.To);

            read.Should().BeEquivalentTo(relationship, relationship.Key);
        }
    }

    [Fact]
    public void Name_keys_hold_the_upper_cased_id_name_and_aliases_for_resolution()
    {
        var deepseek = Seed.Entities.Single(entity => entity.Id == "deepseek");

        var properties = (Dictionary<string, object?>)GraphProperties.EntityRow(deepseek)["properties"]!;

        ((IEnumerable<string>)properties["nameKeys"]!).Should().Contain(["DEEPSEEK", "DEEPSEEK AI"]);
    }

    [Fact]
    public void Citation_keys_hold_a_regulations_upper_cased_citation_and_its_Federal_Register_citations_and_only_a_regulation_has_them()
    {
        // arrange
        var rule = Seed.Entities.Single(entity => entity.Id == "us-bis-2023-10-advanced-computing");
        var lab = Seed.Entities.Single(entity => entity.Id == "deepseek");

        // act
        var ruleProperties = (Dictionary<string, object?>)GraphProperties.EntityRow(rule)["properties"]!;
        var labProperties = (Dictionary<string, object?>)GraphProperties.EntityRow(lab)["properties"]!;

        // assert
        ((IEnumerable<string>)ruleProperties["citationKeys"]!).Should().Equal("88 FR 73458");
        labProperties.Should().NotContainKey("citationKeys");
    }

    [Fact]
    public void A_relationship_of_an_unknown_type_is_refused_with_its_element_id()
    {
        var stored = new CypherRelationship("5:test:9", "LIKES", "4:a", "4:b", new Dictionary<string, object?> { ["status"] = "CONFIRMED" });

        var act = () => GraphProperties.ToRelationship(stored, "a", "b");

        act.Should().Throw<InvalidOperationException>().WithMessage("*5:test:9*LIKES*");
    }

    private static Dictionary<string, object?> AsReturned(Dictionary<string, object?> properties) =>
        properties.ToDictionary(
            pair => pair.Key,
            pair => pair.Value is System.Collections.IList list ? list.Cast<object?>().ToList() : pair.Value);
}
