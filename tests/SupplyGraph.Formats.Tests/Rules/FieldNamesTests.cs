using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Formats.Rules;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Rules;

/// <summary>The one table of field names: every reader and writer takes its names from it, so it must be whole.</summary>
public sealed class FieldNamesTests
{
    private static readonly FieldId[] Fields = [.. Enum.GetValues<FieldId>().Where(id => id != FieldId.Unknown)];

    [Fact]
    public void Every_field_name_is_recognised_as_its_own_field()
    {
        foreach (var id in Fields)
        {
            FieldNames.Identify(FieldNames.Of(id)).Should().Be(id);
            FieldNames.Json(id).Value.Should().Be(FieldNames.Of(id));
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_member_names_of_the_JSON_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("datasets", "schema", "dataset.v1.schema.json")));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        CollectPropertyNames(schema.RootElement, names);

        names.Should().BeEquivalentTo(Fields.Select(FieldNames.Of));
    }

    private static void CollectPropertyNames(JsonElement element, SortedSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                    {
                        names.UnionWith(member.Value.EnumerateObject().Select(property => property.Name));
                    }

                    CollectPropertyNames(member.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectPropertyNames(item, names);
                }

                break;
        }
    }
}
