using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Json;

/// <summary>The JSON Schema is documentation for other tools; these keep it in step with the code.</summary>
public sealed class DatasetSchemaTests
{
    private static readonly JsonElement Definitions = LoadDefinitions();

    [Fact]
    public void The_schema_lists_exactly_the_relationship_types_of_the_code() =>
        Enum(nameof(RelationshipType)).Should().Equal(RelationshipTypes.All.Select(info => info.Name));

    [Fact]
    public void The_schema_lists_exactly_the_actor_categories_of_the_code() =>
        Enum(nameof(ActorCategory)).Should().Equal(WireNames.AllowedValues<ActorCategory>());

    [Fact]
    public void The_schema_lists_exactly_the_statuses_of_the_code() =>
        Enum(nameof(RelationshipStatus)).Should().Equal(WireNames.AllowedValues<RelationshipStatus>());

    private static List<string> Enum(string name)
    {
        var key = char.ToLowerInvariant(name[0]) + name[1..];
        return Definitions.GetProperty(key).GetProperty("enum").EnumerateArray().Select(value => value.GetString()!).ToList();
    }

    private static JsonElement LoadDefinitions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("datasets", "schema", "dataset.v1.schema.json")));
        return document.RootElement.GetProperty("$defs").Clone();
    }
}
